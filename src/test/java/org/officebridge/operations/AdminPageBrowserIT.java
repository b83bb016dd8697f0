package org.officebridge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.Browser;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admin page in headless Chromium: the browser's own part of the settings check (it loads
 * api.js from the Document Server's public URL), the connector's parts beside it, and a session
 * action.
 */
class AdminPageBrowserIT {

  private static RunningStandIn ds;
  private static InProcessServer working;

  @BeforeAll
  static void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .start();
    java.util.Map<String, String> settings =
        new java.util.HashMap<>(
            TestSettings.forInProcess(
                ds.baseUrl().toString(), Files.createTempDirectory(Path.of("target"), "admin-")));
    settings.put("officebridge.settings-check.timeout", "PT2M");
    working = InProcessServer.start(InProcessServer.demoWar(), settings);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      working.close();
    } finally {
      ds.close();
    }
  }

  static WebElement row(WebDriver driver, String check) {
    return driver.findElement(By.cssSelector("#check-results tr[data-check='" + check + "']"));
  }

  static void runCheck(Browser browser, InProcessServer server) {
    WebDriver driver = browser.driver();
    driver.get(server.url("admin").toString());
    browser
        .waitUpTo(Duration.ofSeconds(10))
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "yes"));
    driver.findElement(By.id("run-check")).click();
    browser
        .waitUpTo(Duration.ofSeconds(150))
        .until(
            d -> {
              String state = d.findElement(By.tagName("body")).getAttribute("data-check");
              return "passed".equals(state) || "failed".equals(state) || "error".equals(state);
            });
  }

  @Test
  void theBrowserAndTheConnectorChecksPassOnAWorkingSetup() throws Exception {
    try (Browser browser = Browser.start()) {
      runCheck(browser, working);
      browser.screenshot("admin-settings-check");
      WebDriver driver = browser.driver();
      assertEquals(
          "passed",
          driver.findElement(By.tagName("body")).getAttribute("data-check"),
          driver.findElement(By.id("check-results")).getText());
      for (String check :
          new String[] {"browser-api-js", "ds-healthcheck", "ds-jwt", "ds-download"}) {
        assertEquals("passed", row(driver, check).getAttribute("data-status"), check);
      }
    }
  }

  @Test
  void anAdministratorForceSavesAnOpenSessionFromThePage() throws Exception {
    DemoClient client = new DemoClient(working.baseUrl());
    String doc = client.createDocument("owner", "admin-page-" + System.nanoTime(), "docx");
    DemoClient.EditorPage page = client.editor("editor", "doc=" + doc);
    String key = (String) page.config("document.key");
    assertTrue(ds.openEditor(page.config()).opened());
    ds.edit(key, "editor");
    try (Browser browser = Browser.start()) {
      WebDriver driver = browser.driver();
      driver.get(working.url("admin").toString());
      browser
          .waitUpTo(Duration.ofSeconds(10))
          .until(
              ExpectedConditions.presenceOfElementLocated(
                  By.cssSelector("#session-rows tr[data-doc='" + doc + "']")));
      driver
          .findElement(
              By.cssSelector(
                  "#session-rows tr[data-doc='" + doc + "'] button[data-action=forcesave]"))
          .click();
      browser
          .waitUpTo(Duration.ofSeconds(10))
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.id("admin-status"), "started"));
      browser.screenshot("admin-sessions");
    }
    assertTrue(
        ds.callbacks()
            .await(
                r -> r.key().equals(key) && r.status() == 6 && r.accepted(), Duration.ofSeconds(20))
            .isPresent());
    ds.leave(key, "editor");
  }
}
