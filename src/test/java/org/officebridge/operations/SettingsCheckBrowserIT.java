package org.officebridge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.Browser;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * In headless Chromium, a deployment whose public Document Server URL browsers cannot reach, while
 * the connector reaches the Document Server through its internal URL: only the browser's part of
 * the settings check fails, and it names officebridge.ds.public-url. Each direction is checked on
 * its own.
 */
class SettingsCheckBrowserIT {

  private static RunningStandIn ds;
  private static InProcessServer publicUrlBroken;
  private static String deadPublicUrl;

  @BeforeAll
  static void start() throws Exception {
    ds = StandIn.builder().jwtSecret(TestSettings.JWT_SECRET).start();
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPublicUrl = "http://127.0.0.1:" + s.getLocalPort();
    }
    Map<String, String> broken =
        new HashMap<>(
            TestSettings.forInProcess(
                deadPublicUrl, Files.createTempDirectory(Path.of("target"), "check-")));
    broken.put("officebridge.ds.internal-url", ds.baseUrl().toString());
    broken.put("officebridge.settings-check.timeout", "PT2M");
    publicUrlBroken = InProcessServer.start(InProcessServer.demoWar(), broken);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      publicUrlBroken.close();
    } finally {
      ds.close();
    }
  }

  @Test
  void aPublicUrlTheBrowserCannotReachFailsOnlyTheBrowsersCheck() throws Exception {
    try (Browser browser = Browser.start()) {
      AdminPageBrowserIT.runCheck(browser, publicUrlBroken);
      browser.screenshot("admin-settings-check-public-url");
      WebDriver driver = browser.driver();
      WebElement api = AdminPageBrowserIT.row(driver, "browser-api-js");
      assertEquals("failed", api.getAttribute("data-status"));
      assertTrue(
          api.getText().contains("this browser cannot load api.js from " + deadPublicUrl),
          api.getText());
      assertTrue(api.getText().contains("officebridge.ds.public-url"), api.getText());
      assertEquals("passed", AdminPageBrowserIT.row(driver, "ds-jwt").getAttribute("data-status"));
      assertEquals(
          "passed", AdminPageBrowserIT.row(driver, "ds-download").getAttribute("data-status"));
    }
  }
}
