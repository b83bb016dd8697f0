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
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.session.OpenOutcome;

/**
 * What the end-to-end tests share, however the host is packaged: Payara Micro started with the
 * host's and the connector's settings, documents put in through the import tool, and the versions a
 * save leaves in the database.
 */
final class EndToEndHost {

  static final String SECRET = "pghost-end-to-end-secret-0123456789-abcdef";
  static final String COOKIE = "pghost-user";
  static final Duration WAIT = Duration.ofSeconds(30);

  private static final Pattern EDITOR_DATA =
      Pattern.compile(
          "<script type=\"application/json\" id=\"officebridge-editor\">(.*?)</script>",
          Pattern.DOTALL);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final PostgresExtension pg;
  private final RunningStandIn ds;
  private ServerProcess server;

  private EndToEndHost(PostgresExtension pg, RunningStandIn ds) {
    this.pg = pg;
    this.ds = ds;
  }

  /** Starts an application server with the connector and the host. */
  @FunctionalInterface
  interface Launcher {
    /**
     * @param settings the system properties to start it with, for the HTTP port it gets
     * @param work a directory of its own for its files and its log
     * @return the server, ready
     * @throws Exception when it does not start
     */
    ServerProcess start(IntFunction<Map<String, String>> settings, Path work) throws Exception;
  }

  /**
   * @param war the WAR to deploy
   * @param libraries jars for the server's class path ({@code --addlibs}), or none
   * @return a launcher of Payara Micro ({@code target/payara-micro.jar})
   */
  static Launcher payaraMicro(Path war, List<Path> libraries) {
    return (settings, work) ->
        PayaraMicro.start(
            Path.of(System.getProperty("pghost.payara-micro", "target/payara-micro.jar")),
            war,
            libraries,
            settings,
            work);
  }

  /**
   * Starts the Document Server stand-in, then the server with the settings of the host (the test
   * database, the actor cookie) and of the connector (the stand-in, WOPI on), each a system
   * property as an administrator would set them.
   *
   * @param pg the test database
   * @param name letters and digits: the work directory under {@code target/} and the instance id
   * @param launcher what starts the server
   * @return the running host
   * @throws Exception when the server does not start
   */
  static EndToEndHost start(PostgresExtension pg, String name, Launcher launcher) throws Exception {
    RunningStandIn ds =
        StandIn.builder()
            .jwtSecret(SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .retryBaseDelay(Duration.ofMillis(200))
            .start();
    EndToEndHost host = new EndToEndHost(pg, ds);
    try {
      host.server = host.startServer(name, launcher);
    } catch (Exception | AssertionError e) {
      host.stop();
      throw e;
    }
    return host;
  }

  private ServerProcess startServer(String name, Launcher launcher) throws Exception {
    Path work = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(work);
    Path password = work.resolve("db-password");
    Files.writeString(password, pg.server().password());
    return launcher.start(
        port ->
            Map.of(
                "officebridge.pghost.jdbc-url",
                pg.server().jdbcUrl(),
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
                name),
        work);
  }

  /**
   * @return the Document Server stand-in
   */
  RunningStandIn ds() {
    return ds;
  }

  /**
   * @return the server
   */
  ServerProcess server() {
    return server;
  }

  /**
   * @param text the paragraph of a new docx
   * @return the document, owned by Olivia Owner, shared for editing with the staff (Eddie Editor's
   *     group)
   * @throws Exception when the import fails
   */
  DocumentInfo newDocument(String text) throws Exception {
    Path file = Files.createTempFile(Path.of("target"), "e2e-", ".docx");
    Path named = file.resolveSibling("End to end " + UUID.randomUUID() + ".docx");
    try (var out = Files.newOutputStream(file)) {
      OfficeDocuments.write("docx", List.of(text), out);
    }
    Files.move(file, named);
    try {
      return PgHostImport.run(
              new PgHostDatabase(pg.dataSource()),
              List.of("--demo-users", "--share", "group:staff=EDIT", named.toString()),
              new PrintStream(OutputStream.nullOutputStream()))
          .get(0);
    } finally {
      Files.deleteIfExists(named);
    }
  }

  /**
   * Checks that the server is ready and its readiness names the host's class for every part and the
   * host's capabilities.
   *
   * @throws Exception when it is not, or names others
   */
  void assertReadyWithTheHostsParts() throws Exception {
    HttpResponse<String> ready =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("api/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), ready.body());
    Map<String, Object> body = Json.parseObject(ready.body());
    assertEquals(
        Map.of(
            "documentStore", PgDocumentStore.class.getName(),
            "userDirectory", PgUserDirectory.class.getName(),
            "accessPolicy", PgAccessPolicy.class.getName(),
            "sessionStore", PgSessionStore.class.getName()),
        body.get("spi"),
        ready.body());
    assertEquals(
        Map.of("versionHistory", true, "sharing", true, "templates", false, "catalog", true),
        body.get("capabilities"),
        ready.body());
    assertEquals("UP", body.get("sessionStore"), "the host's session store answers");
  }

  /**
   * For the packagings that leave the WAR unchanged: the host jar's {@code META-INF/beans.xml} does
   * not make its classes beans of the deployment. {@link PgHostStartup} (which warns about the
   * actor cookie at start in the overlay) never runs; the parts are ServiceLoader's, and the host
   * reads its settings when first used.
   *
   * @throws IOException when the server's log cannot be read
   */
  void assertPartsComeFromServiceLoaderNotCdi() throws IOException {
    assertTrue(server.logContains("event=pghost-settings"), "the host was used");
    assertFalse(
        server.logContains("event=pghost-actor-cookie"),
        "PgHostStartup ran: the host's classes became CDI beans");
  }

  /**
   * Eddie Editor opens a new document's editor page (over HTTP, no browser), the stand-in opens the
   * page's signed config as the editor frame would, he edits and leaves, and the exit save is found
   * in the database.
   *
   * @throws Exception when a step fails
   */
  void assertADocsApiEditIsStored() throws Exception {
    DocumentInfo doc = newDocument("Original paragraph");
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(server.baseUrl().resolve("editor?doc=" + doc.id().value()))
                .header("Cookie", COOKIE + "=editor")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
    Matcher data = EDITOR_DATA.matcher(page.body());
    assertTrue(data.find(), page.body());
    @SuppressWarnings("unchecked")
    Map<String, Object> config =
        (Map<String, Object>) Json.parseObject(data.group(1)).get("config");
    OpenOutcome opened = ds.openEditor(config);
    assertTrue(opened.opened(), () -> "the stand-in refused: " + opened.describe());
    assertEquals("edit", opened.describe().get("mode"));
    String key = (String) opened.describe().get("key");
    String line = ds.edit(key, "editor");
    ds.leave(key, "editor");
    assertEditorsExitSave(doc.id(), line, true);
  }

  /** The newest version row of a document. */
  record StoredVersion(int number, String kind, String author, boolean hasHistory) {}

  /**
   * Waits for the version the edit made, and for what is stored after it (the history data is
   * stored right after the version, in a transaction of its own).
   *
   * @param id the document
   * @param complete whether the version row is complete yet
   * @return the second version
   * @throws Exception when there is none within {@link #WAIT}
   */
  StoredVersion awaitSecondVersion(DocumentId id, Predicate<StoredVersion> complete)
      throws Exception {
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

  private StoredVersion newestVersion(DocumentId id) throws SQLException {
    try (Connection c = pg.dataSource().getConnection();
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

  /**
   * Waits for the version Eddie Editor's edit leaves when he closes the editor, and checks it.
   *
   * @param id the document, made by {@link #newDocument} with "Original paragraph"
   * @param line the line the editor reported adding
   * @param withHistory whether the Document Server's history data must be kept with it (Docs API)
   * @throws Exception when there is no such version, or it holds something else
   */
  void assertEditorsExitSave(DocumentId id, String line, boolean withHistory) throws Exception {
    StoredVersion v = awaitSecondVersion(id, x -> x.hasHistory() || !withHistory);
    assertEquals("EDIT_FINAL", v.kind(), "the exit save");
    assertEquals("editor", v.author());
    assertTrue(
        v.hasHistory() || !withHistory,
        "the Document Server's history data is kept with the version");
    assertNewContentHolds(id, line);
  }

  /**
   * @param id the document
   * @param line the line the editor reported adding
   * @throws Exception when the current version holds the original text or not the line
   */
  private void assertNewContentHolds(DocumentId id, String line) throws Exception {
    assertFalse(line.isBlank(), "the editor reported its change");
    String xml;
    try (Content content = new PgDocumentStore(pg.dataSource()).openContent(id);
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

  /**
   * Stops the server, then the stand-in.
   *
   * @throws InterruptedException when interrupted while the server stops
   */
  void stop() throws InterruptedException {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      ds.close();
    }
  }
}
