package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
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
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;

/**
 * What the end-to-end tests share, however the host is packaged: Payara Micro started with the
 * host's and the connector's settings, documents put in through the import tool, and the versions a
 * save leaves in the database.
 */
final class EndToEndHost {

  static final String SECRET = "pghost-end-to-end-secret-0123456789-abcdef";
  static final String COOKIE = "pghost-user";
  static final Duration WAIT = Duration.ofSeconds(30);

  private final PostgresExtension pg;
  private final RunningStandIn ds;
  private PayaraMicro server;

  private EndToEndHost(PostgresExtension pg, RunningStandIn ds) {
    this.pg = pg;
    this.ds = ds;
  }

  /**
   * Starts the Document Server stand-in, then Payara Micro with the settings of the host (the test
   * database, the actor cookie) and of the connector (the stand-in, WOPI on), each from a system
   * property as an administrator would set them.
   *
   * @param pg the test database
   * @param war the WAR to deploy
   * @param libraries jars for the server's class path, or none
   * @param name letters and digits: the work directory under {@code target/} and the instance id
   * @return the running host
   * @throws Exception when the server does not start
   */
  static EndToEndHost start(PostgresExtension pg, Path war, List<Path> libraries, String name)
      throws Exception {
    RunningStandIn ds =
        StandIn.builder()
            .jwtSecret(SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .retryBaseDelay(Duration.ofMillis(200))
            .start();
    EndToEndHost host = new EndToEndHost(pg, ds);
    try {
      host.server = host.startServer(war, libraries, name);
    } catch (Exception | AssertionError e) {
      host.stop();
      throw e;
    }
    return host;
  }

  private PayaraMicro startServer(Path war, List<Path> libraries, String name) throws Exception {
    Path work = Path.of("target", name).toAbsolutePath();
    Files.createDirectories(work);
    Path password = work.resolve("db-password");
    Files.writeString(password, pg.server().password());
    return PayaraMicro.start(
        Path.of(System.getProperty("pghost.payara-micro", "target/payara-micro.jar")),
        war,
        libraries,
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
  PayaraMicro server() {
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
