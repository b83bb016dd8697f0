package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.Browser;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** In headless Chromium: the demo index lists the documents and an Open link opens the editor. */
class DemoIndexBrowserIT {

  private static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(), TestSettings.forInProcess("http://127.0.0.1:9", data));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void followingAnOpenLinkOpensTheEditorPageOfThatDocument() throws Exception {
    try (Browser browser = Browser.start()) {
      browser.driver().get(server.baseUrl().toString());
      List<WebElement> rows = browser.driver().findElements(By.cssSelector("tr[data-doc-id]"));
      assertTrue(rows.size() >= 5);
      assertEquals(
          rows.size(), browser.driver().findElements(By.cssSelector("[data-open=wopi]")).size());
      browser.screenshot("demo-index");
      WebElement report =
          browser.driver().findElement(By.cssSelector("tr[data-title='Project report.docx']"));
      report.findElement(By.cssSelector("a[data-open=api]")).click();
      browser.waitUpTo(Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("editor?doc="));
      assertEquals("Project report.docx", browser.driver().getTitle());
    }
  }
}
