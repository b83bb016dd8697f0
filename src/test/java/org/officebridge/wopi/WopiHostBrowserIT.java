package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.Browser;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In headless Chromium: a demo document opened through the WOPI host page in the stand-in's WOPI
 * editor, edited, renamed and closed over PostMessage, and the new version found in the DMS.
 */
class WopiHostBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private static RunningStandIn ds;
  private static InProcessServer server;
  private static final WopiHostContract helper =
      new WopiHostContract() {
        @Override
        URI base() {
          return server.baseUrl();
        }

        @Override
        RunningStandIn ds() {
          return ds;
        }
      };

  @BeforeAll
  static void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .start();
    Path data = Files.createTempDirectory(Path.of("target"), "wopi-browser-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(), TestSettings.forInProcess(ds.baseUrl().toString(), data));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (ds != null) {
      ds.close();
    }
  }

  @Test
  void aDocumentOpenedViaWopiIsEditedRenamedClosedAndSavedAsANewVersion() throws Exception {
    String doc = helper.newDocument("owner", "docx");
    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      driver.get(server.baseUrl().toString());
      driver.findElement(By.cssSelector("tr[data-doc-id='" + doc + "'] a[data-open=wopi]")).click();
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("wopi-host"), "data-loaded", "true"));
      assertTrue(events(driver).contains("App_LoadingStatus"), events(driver));

      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("office_frame"));
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("wopi-status"), "data-state", "ready"));
      assertEquals("edit", driver.findElement(By.id("wopi-mode")).getAttribute("data-mode"));
      browser
          .waitUpTo(WAIT)
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#wopi-received li[data-message-id=Host_PostmessageReady]")));
      driver.findElement(By.id("wopi-edit")).click();
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#standin-lines li")));

      String name = "Renamed via WOPI " + UUID.randomUUID().toString().substring(0, 8);
      driver.findElement(By.id("wopi-rename-input")).sendKeys(name);
      driver.findElement(By.id("wopi-rename")).click();
      driver.switchTo().defaultContent();
      browser.waitUpTo(WAIT).until(ExpectedConditions.titleIs(name));
      assertEquals(name, driver.findElement(By.id("wopi-host")).getAttribute("data-title"));

      driver.switchTo().frame("office_frame");
      driver.findElement(By.cssSelector("button[data-post-message=UI_FileVersions]")).click();
      driver.switchTo().defaultContent();
      WebElement panel = driver.findElement(By.id("wopi-panel"));
      browser.waitUpTo(WAIT).until(d -> panel.isDisplayed());
      driver.switchTo().frame(driver.findElement(By.cssSelector("#wopi-panel-body iframe")));
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("wopi-versions")));
      driver.switchTo().defaultContent();
      browser.screenshot("wopi-host-versions-panel");
      driver.findElement(By.id("wopi-panel-close")).click();

      driver.switchTo().frame("office_frame");
      driver.findElement(By.cssSelector("button[data-post-message=UI_InsertGraphic]")).click();
      driver.switchTo().defaultContent();
      browser.waitUpTo(WAIT).until(d -> panel.isDisplayed());
      driver.switchTo().frame(driver.findElement(By.cssSelector("#wopi-panel-body iframe")));
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("wopi-images-none")));
      driver.switchTo().defaultContent();
      driver.findElement(By.id("wopi-panel-close")).click();
      assertTrue(events(driver).contains("sent:Blur_Focus"), events(driver));
      assertTrue(events(driver).contains("sent:Grab_Focus"), events(driver));

      driver.switchTo().frame("office_frame");
      driver.findElement(By.id("wopi-close")).click();
      browser.waitUpTo(WAIT).until(ExpectedConditions.urlToBe(server.baseUrl().toString()));

      URI versions = server.baseUrl().resolve("demo/versions?doc=" + doc);
      browser
          .waitUpTo(WAIT)
          .until(
              d -> {
                d.get(versions.toString());
                return d.getPageSource().contains("EDIT_FINAL");
              });
      driver.get(server.baseUrl().toString());
      WebElement row = driver.findElement(By.cssSelector("tr[data-doc-id='" + doc + "']"));
      assertEquals(name + ".docx", row.getAttribute("data-title"));
      assertEquals("2", row.getAttribute("data-version"));
      browser.screenshot("wopi-host-saved");
    }
  }

  private static String events(WebDriver driver) {
    return driver.findElement(By.id("wopi-events")).getAttribute("textContent");
  }
}
