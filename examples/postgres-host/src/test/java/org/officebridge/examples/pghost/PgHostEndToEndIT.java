package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The PostgreSQL host end to end, as a DMS team would run it in CI: {@code
 * target/officebridge-pghost.war} on Payara Micro with a throw-away PostgreSQL, the Document Server
 * stand-in, and headless Chromium. A user with edit rights opens a document through the Docs API
 * editor and through WOPI, edits (a simulated change), closes, and the new version is found in the
 * database with the change in its content; the host's administrator runs the settings check.
 */
class PgHostEndToEndIT {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static final String COOKIE = EndToEndHost.COOKIE;
  private static final Duration WAIT = EndToEndHost.WAIT;

  private static EndToEndHost host;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    host =
        EndToEndHost.start(
            PG,
            "e2e",
            EndToEndHost.payaraMicro(
                Path.of(System.getProperty("pghost.war", "target/officebridge-pghost.war")),
                List.of()));
    server = host.server();
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) {
      host.stop();
    }
  }

  private static HeadlessChromium current;

  private static AssertionError failure(Throwable e) {
    String page = "";
    try {
      page = current == null ? "" : current.driver().getPageSource();
    } catch (RuntimeException ignored) {
      // the browser is gone; the server log says more
    }
    return new AssertionError(
        e.getMessage()
            + "\npage:\n"
            + page.substring(0, Math.min(page.length(), 3000))
            + "\nserver log:\n"
            + server.tail(),
        e);
  }

  private static HeadlessChromium browserAs(String user) throws IOException {
    HeadlessChromium browser = HeadlessChromium.start();
    current = browser;
    WebDriver driver = browser.driver();
    driver.get(server.baseUrl().resolve("api/health/live").toString());
    driver.manage().addCookie(new Cookie.Builder(COOKIE, user).path("/officebridge").build());
    return browser;
  }

  @Test
  void aDocsApiEditIsStoredAsANewVersionInTheDatabase() throws Exception {
    DocumentInfo doc = host.newDocument("Original paragraph");
    String line;
    HeadlessChromium browser = browserAs("editor");
    try {
      WebDriver driver = browser.driver();
      driver.get(server.baseUrl().resolve("editor?doc=" + doc.id().value()).toString());
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
      browser.screenshot("pghost-docs-api-editing");
      driver.findElement(By.id("standin-leave")).click();
      browser
          .waitUpTo(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("standin-status"), "data-state", "closed"));
    } catch (AssertionError | RuntimeException e) {
      throw failure(e);
    } finally {
      browser.close();
    }
    host.assertEditorsExitSave(doc.id(), line, true);
  }

  @Test
  void aWopiEditIsStoredAsANewVersionInTheDatabase() throws Exception {
    DocumentInfo doc = host.newDocument("Original paragraph");
    String line;
    HeadlessChromium browser = browserAs("editor");
    try {
      WebDriver driver = browser.driver();
      driver.get(server.baseUrl().resolve("wopi-host?doc=" + doc.id().value()).toString());
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
      browser.screenshot("pghost-wopi-editing");
      driver.findElement(By.id("wopi-close")).click();
      host.awaitSecondVersion(doc.id(), v -> true);
    } catch (AssertionError | RuntimeException e) {
      throw failure(e);
    } finally {
      browser.close();
    }
    host.assertEditorsExitSave(doc.id(), line, false);
  }

  @Test
  void theHostsAdministratorRunsTheSettingsCheckAndOthersMayNot() throws Exception {
    host.newDocument("Only to load the demo users");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> owner =
        http.send(settingsCheck("owner"), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, owner.statusCode(), owner.body());
    assertTrue(owner.body().contains("\"outcome\":\"passed\""), owner.body());
    HttpResponse<String> editor =
        http.send(settingsCheck("editor"), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, editor.statusCode(), editor.body());
  }

  private static HttpRequest settingsCheck(String user) {
    return HttpRequest.newBuilder(server.baseUrl().resolve("api/admin/settings-check"))
        .header("Cookie", COOKIE + "=" + user)
        .timeout(Duration.ofSeconds(60))
        .GET()
        .build();
  }
}
