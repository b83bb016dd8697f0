package org.officebridge.examples.pghost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Selenium for the end-to-end test, talking to loopback only
 * (every name but 127.0.0.1 and localhost fails to resolve; background networking off). Skips the
 * test when Chromium is not installed, unless {@code -Dbrowser.required=true}.
 */
final class HeadlessChromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final Path profile;

  private HeadlessChromium(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static HeadlessChromium start() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if (!installed && Boolean.getBoolean("pghost.browser-required")) {
      throw new IllegalStateException(
          "the end-to-end test needs Debian's chromium and chromium-driver");
    }
    Assumptions.assumeTrue(installed, "skipped: /usr/bin/chromium or chromedriver is missing");
    Path profile = Files.createTempDirectory(Path.of("target"), "chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--window-size=1280,900",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
        "--disable-extensions",
        "--disable-default-apps",
        "--no-pings",
        "--disable-domain-reliability",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new HeadlessChromium(new ChromeDriver(service, options), profile);
  }

  WebDriver driver() {
    return driver;
  }

  WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  void screenshot(String name) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.copy(
        ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
        dir.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var walk = Files.walk(profile)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
