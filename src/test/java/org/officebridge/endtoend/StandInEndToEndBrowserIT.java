package org.officebridge.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.Browser;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 3's end-to-end check, in headless Chromium: a demo document is opened through the Docs API
 * and through WOPI against the Document Server stand-in, edited (a simulated change), closed, and
 * the new version in the demo DMS holds the original text and the editor's change.
 */
class StandInEndToEndBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static RunningStandIn ds;
  private static InProcessServer server;
  private static DemoDms dms;

  @BeforeAll
  static void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .retryBaseDelay(Duration.ofMillis(50))
            .start();
    Path data = Files.createTempDirectory(Path.of("target"), "end-to-end-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(),
            TestSettings.forInProcess(ds.baseUrl().toString().replaceAll("/$", ""), data));
    dms = new DemoDms(server.baseUrl(), data);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (ds != null) {
        ds.close();
      }
    }
  }

  @Test
  void docsApiEditIsStoredAsANewVersionWithTheChange() throws Exception {
    DemoDms.Document doc = dms.upload("Docs API end to end", "docx", docx("Original paragraph"));
    String line;
    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      driver.get(server.baseUrl().toString());
      driver
          .manage()
          .addCookie(
              new Cookie.Builder(DemoClient.USER_COOKIE, "editor")
                  .path(InProcessServer.CONTEXT)
                  .build());
      driver.get(server.url("editor?doc=" + doc.id()).toString());
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
      driver.switchTo().frame(driver.findElement(By.cssSelector("iframe[data-standin-frame]")));
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("standin-status"), "data-state", "ready"));
      assertEquals("edit", driver.findElement(By.id("standin-mode")).getAttribute("data-mode"));

      driver.findElement(By.id("standin-edit")).click();
      line =
          browser
              .waitUpTo(WAIT)
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector("#standin-lines li[data-line]")))
              .getAttribute("data-line");
      driver.findElement(By.id("standin-leave")).click();
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("standin-status"), "data-state", "closed"));
      driver.switchTo().defaultContent();
    }
    assertNewVersionHolds(doc, line);
  }

  @Test
  void wopiEditIsStoredAsANewVersionWithTheChange() throws Exception {
    DemoDms.Document doc = dms.upload("WOPI end to end", "docx", docx("Original paragraph"));
    String line;
    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      driver.get(server.baseUrl().toString());
      driver
          .findElement(By.cssSelector("tr[data-doc-id='" + doc.id() + "'] a[data-open=wopi]"))
          .click();
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("office_frame"));
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("wopi-status"), "data-state", "ready"));
      assertEquals("edit", driver.findElement(By.id("wopi-mode")).getAttribute("data-mode"));

      driver.findElement(By.id("wopi-edit")).click();
      line =
          browser
              .waitUpTo(WAIT)
              .until(
                  ExpectedConditions.presenceOfElementLocated(
                      By.cssSelector("#standin-lines li[data-line]")))
              .getAttribute("data-line");
      driver.findElement(By.id("wopi-close")).click();
      browser.waitUpTo(WAIT).until(ExpectedConditions.urlToBe(server.baseUrl().toString()));
    }
    assertNewVersionHolds(doc, line);
  }

  private static void assertNewVersionHolds(DemoDms.Document doc, String line) throws Exception {
    assertFalse(line.isBlank(), "the editor reported its change");
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<DemoDms.Version> versions = dms.versions(doc.id());
    while (versions.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
      versions = dms.versions(doc.id());
    }
    assertEquals(2, versions.size(), "a new version after closing: " + versions);
    assertEquals("EDIT_FINAL", versions.get(1).kind());
    String text = documentXml(dms.content(doc.id(), versions.get(1).version()));
    assertTrue(text.contains("Original paragraph"), text);
    assertTrue(text.contains(xmlEscaped(line)), "the stored version holds: " + line);
  }

  private static byte[] docx(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OfficeDocuments.write("docx", List.of(text), out);
    return out.toByteArray();
  }

  private static String documentXml(byte[] docx) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals("word/document.xml")) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no word/document.xml in the stored version");
  }

  private static String xmlEscaped(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
