package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
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

  private static final String SECRET = "pghost-end-to-end-secret-0123456789-abcdef";
  private static final String COOKIE = "pghost-user";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static RunningStandIn ds;
  private static PayaraMicro server;

  @BeforeAll
  static void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .retryBaseDelay(Duration.ofMillis(200))
            .start();
    Path work = Path.of("target", "e2e").toAbsolutePath();
    Files.createDirectories(work);
    Path password = work.resolve("db-password");
    Files.writeString(password, PG.server().password());
    server =
        PayaraMicro.start(
            Path.of(System.getProperty("pghost.payara-micro", "target/payara-micro.jar")),
            Path.of(System.getProperty("pghost.war", "target/officebridge-pghost.war")),
            port ->
                Map.of(
                    "officebridge.pghost.jdbc-url",
                    PG.server().jdbcUrl(),
                    "officebridge.pghost.user",
                    PostgresServer.USER,
                    "officebridge.pghost.password-file",
                    password.toString(),
                    "officebridge.pghost.actor-cookie",
                    COOKIE,
                    "officebridge.ds.public-url",
                    ds.baseUrl().toString(),
                    "officebridge.connector.url",
                    "http://127.0.0.1:" + port + "/officebridge",
                    "officebridge.jwt.secret",
                    SECRET,
                    "officebridge.wopi.enabled",
                    "true",
                    "officebridge.instance-id",
                    "pge2e"),
            work);
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

  /** A new docx owned by Olivia Owner, shared for editing with the staff (Eddie Editor's group). */
  private static DocumentInfo newDocument(String text) throws Exception {
    Path file = Files.createTempFile(Path.of("target"), "e2e-", ".docx");
    Path named = file.resolveSibling("End to end " + UUID.randomUUID() + ".docx");
    try (var out = Files.newOutputStream(file)) {
      OfficeDocuments.write("docx", List.of(text), out);
    }
    Files.move(file, named);
    try {
      return PgHostImport.run(
              new PgHostDatabase(PG.dataSource()),
              List.of("--demo-users", "--share", "group:staff=EDIT", named.toString()),
              new PrintStream(OutputStream.nullOutputStream()))
          .get(0);
    } finally {
      Files.deleteIfExists(named);
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
    DocumentInfo doc = newDocument("Original paragraph");
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
    StoredVersion v = awaitSecondVersion(doc.id(), StoredVersion::hasHistory);
    assertEquals("EDIT_FINAL", v.kind());
    assertEquals("editor", v.author());
    assertTrue(v.hasHistory(), "the Document Server's history data is kept with the version");
    assertNewContentHolds(doc.id(), line);
  }

  @Test
  void aWopiEditIsStoredAsANewVersionInTheDatabase() throws Exception {
    DocumentInfo doc = newDocument("Original paragraph");
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
      awaitSecondVersion(doc.id(), v -> true);
    } catch (AssertionError | RuntimeException e) {
      throw failure(e);
    } finally {
      browser.close();
    }
    StoredVersion v = awaitSecondVersion(doc.id(), x -> true);
    assertEquals("EDIT_FINAL", v.kind(), "the exit save");
    assertEquals("editor", v.author());
    assertNewContentHolds(doc.id(), line);
  }

  @Test
  void theHostsAdministratorRunsTheSettingsCheckAndOthersMayNot() throws Exception {
    newDocument("Only to load the demo users");
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

  /** The newest version row of a document. */
  private record StoredVersion(int number, String kind, String author, boolean hasHistory) {}

  /**
   * Waits for the version the edit made, and for what is stored after it (the history data is
   * stored right after the version, in a transaction of its own).
   */
  private static StoredVersion awaitSecondVersion(
      DocumentId id, java.util.function.Predicate<StoredVersion> complete) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      StoredVersion v = newestVersion(id);
      if ((v.number() >= 2 && complete.test(v)) || System.nanoTime() > deadline) {
        assertEquals(2, v.number(), "a new version after closing\nserver log:\n" + server.tail());
        return v;
      }
      Thread.sleep(200);
    }
  }

  private static StoredVersion newestVersion(DocumentId id) throws SQLException {
    try (Connection c = PG.dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT number, kind, author_id, history_key IS NOT NULL FROM versions"
                    + " WHERE document_id = ? ORDER BY number DESC LIMIT 1")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        assertTrue(r.next(), "no version of " + id);
        return new StoredVersion(r.getInt(1), r.getString(2), r.getString(3), r.getBoolean(4));
      }
    }
  }

  private static void assertNewContentHolds(DocumentId id, String line) throws Exception {
    assertFalse(line.isBlank(), "the editor reported its change");
    String xml;
    try (Content content = new PgDocumentStore(PG.dataSource()).openContent(id);
        InputStream in = content.stream()) {
      xml = documentXml(in.readAllBytes());
    }
    assertTrue(xml.contains("Original paragraph"), xml);
    assertTrue(
        xml.contains(line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
        "the stored version holds: " + line);
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
}
