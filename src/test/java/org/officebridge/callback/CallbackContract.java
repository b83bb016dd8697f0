package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.ConnectorLinks;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.DocumentServerDouble;
import org.officebridge.testing.DocumentServerDouble.Placement;

/**
 * The callback handler seen from the Document Server, black-box: every status and forcesave type,
 * both token placements, refused tokens and links, SSRF, broken downloads, a failing DMS,
 * duplicates, out-of-order callbacks and conflicting uploads. Run against the demo WAR in-process
 * and on WildFly and Payara; each test works on its own new document.
 */
abstract class CallbackContract {

  /**
   * @return the connector's base URL, ending with a slash
   */
  abstract URI baseUrl();

  /**
   * @return the connector's URL as configured ({@code officebridge.connector.url}): the one its
   *     links are made with and its download servlet expects
   */
  String connectorUrl() {
    return baseUrl().toString().replaceAll("/+$", "");
  }

  /**
   * @return the demo DMS's data folder
   */
  abstract Path demoData();

  /**
   * @return the JWT secret the connector shares with the Document Server
   */
  abstract String jwtSecret();

  /**
   * @return the connector's link secret
   */
  abstract String linkSecret();

  DocumentServerDouble ds;
  ConnectorLinks links;
  DemoDms dms;

  @BeforeEach
  void startDocumentServer() throws Exception {
    ds = DocumentServerDouble.start("127.0.0.1", jwtSecret());
    links = new ConnectorLinks(connectorUrl(), linkSecret());
    dms = new DemoDms(baseUrl(), demoData());
  }

  @AfterEach
  void stopDocumentServer() {
    ds.close();
  }

  /** One test document and the session a Document Server would run on it. */
  final class Session {
    final DemoDms.Document doc;
    final String key;
    final String callbackUrl;

    Session(String extension, byte[] content) throws Exception {
      doc = dms.upload("Callback test", extension, content);
      key = "it-" + doc.id() + "-" + doc.version();
      callbackUrl = links.callbackUrl(doc.id(), key, doc.version());
    }

    HttpResponse<String> send(Map<String, Object> claims) throws Exception {
      return ds.callback(callbackUrl, claims, Placement.BOTH);
    }

    Map<String, Object> status(int status, String... users) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("key", key);
      c.put("status", status);
      c.put("users", List.of(users));
      return c;
    }

    Map<String, Object> save(int status, byte[] content, String fileType, String... users) {
      Map<String, Object> c = status(status, users);
      c.put(
          "url",
          ds.serve(key + "-" + status + "-" + content.length + "-" + nanos(), bytes(content)));
      c.put("filetype", fileType);
      return c;
    }

    Map<String, Object> forcesave(int type, byte[] content, String... users) {
      Map<String, Object> c = save(6, content, doc.title().replaceAll(".*\\.", ""), users);
      c.put("forcesavetype", type);
      c.put("lastsave", "2026-11-27T12:00:0" + type + ".000Z-" + nanos());
      return c;
    }

    List<DemoDms.Document> copies(String label) throws Exception {
      return copiesOf(doc, label);
    }

    List<DemoDms.Version> versions() throws Exception {
      return dms.versions(doc.id());
    }

    Map<String, Object> openSession() throws Exception {
      return sessionOf(doc.id());
    }

    List<Map<String, Object>> notices(String user) throws Exception {
      return noticesOf(doc.id(), user);
    }
  }

  /**
   * @param doc a document
   * @param label {@code conflict} or {@code recovered}
   * @return the copies of that kind the connector made of it
   * @throws Exception on failure
   */
  List<DemoDms.Document> copiesOf(DemoDms.Document doc, String label) throws Exception {
    return dms.titled(doc.title().substring(0, doc.title().lastIndexOf('.')) + " (" + label + " ");
  }

  private Map<String, Object> editorStatus(String id, String user) throws Exception {
    HttpResponse<String> r = dms.status(id, user);
    assertEquals(200, r.statusCode(), r.body());
    return JSONObjectUtils.parse(r.body());
  }

  /**
   * @param id a document
   * @return its open session as {@code api/editor/status} shows it, or {@code null}
   * @throws Exception on failure
   */
  Map<String, Object> sessionOf(String id) throws Exception {
    return JSONObjectUtils.getJSONObject(editorStatus(id, "owner"), "session");
  }

  /**
   * @param id a document
   * @param user a demo user
   * @return the notices that user sees
   * @throws Exception on failure
   */
  List<Map<String, Object>> noticesOf(String id, String user) throws Exception {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list =
        (List<Map<String, Object>>) editorStatus(id, user).get("notices");
    return list == null ? List.of() : list;
  }

  byte[] secret() {
    return jwtSecret().getBytes(StandardCharsets.UTF_8);
  }

  private static long nanos() {
    return System.nanoTime();
  }

  static DocumentServerDouble.FileSource bytes(byte[] content) {
    return DocumentServerDouble.bytes(content);
  }

  static byte[] content(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static void assertAcknowledged(HttpResponse<String> answer) {
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("{\"error\":0}", answer.body());
  }

  static void assertRefused(int status, HttpResponse<String> answer) {
    assertEquals(status, answer.statusCode(), answer.body());
    assertEquals("{\"error\":1}", answer.body());
  }

  // ---- statuses ----

  @Test
  void editingStartsTheSessionAndKeepsItsEditorsCurrent() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertNull(s.openSession());
    assertAcknowledged(s.send(s.status(1, "editor")));
    Map<String, Object> session = s.openSession();
    assertNotNull(session);
    assertEquals("DOCS_API", session.get("protocol"));
    assertEquals(1L, ((Number) session.get("editors")).longValue());
    assertAcknowledged(s.send(s.status(1, "editor", "owner")));
    assertEquals(2L, ((Number) s.openSession().get("editors")).longValue());
    assertEquals(1, s.versions().size());
  }

  @Test
  void finalSaveStoresANewVersionWithTheReportedFileTypeAndItsHistory() throws Exception {
    Session s = new Session("doc", content("legacy"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    byte[] edited = content("edited as docx");
    byte[] zip = content("PK changes");
    Map<String, Object> save = s.save(2, edited, "docx", "editor");
    save.put("changesurl", ds.serve(s.key + "-changes.zip", bytes(zip)));
    save.put(
        "history",
        Map.of(
            "serverVersion",
            "9.0.0",
            "changes",
            List.of(Map.of("created", "2026-11-27 12:00:00", "user", Map.of("id", "editor")))));
    assertAcknowledged(s.send(save));

    List<DemoDms.Version> versions = s.versions();
    assertEquals(2, versions.size());
    assertEquals("EDIT_FINAL", versions.get(1).kind());
    assertEquals("editor", versions.get(1).author());
    assertArrayEquals(edited, dms.content(s.doc.id(), "2"));
    assertTrue(dms.document(s.doc.id()).title().endsWith(".docx"));
    Map<String, String> history = dms.history(s.doc.id(), "2");
    assertEquals(s.key, history.get("key"));
    assertEquals("9.0.0", history.get("serverVersion"));
    assertTrue(history.get("changes").contains("\"editor\""), history.toString());
    assertArrayEquals(zip, dms.changes(s.doc.id(), "2").orElseThrow());
    assertNull(s.openSession());
  }

  @Test
  void headerTokenAloneIsAccepted() throws Exception {
    Session s = new Session("docx", content("v1"));
    byte[] edited = content("saved through a header token");
    assertAcknowledged(
        ds.callback(s.callbackUrl, s.save(2, edited, "docx", "editor"), Placement.HEADER));
    assertArrayEquals(edited, dms.content(s.doc.id(), null));
  }

  @Test
  void bodyTokenIsReadFirstWhenTheHeaderCopyIsTrimmed() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> save = s.save(2, content("full body"), "docx", "editor");
    save.put("history", Map.of("serverVersion", "9.0.0", "changes", List.of()));
    Map<String, Object> trimmed = new LinkedHashMap<>(save);
    trimmed.remove("history");
    Map<String, Object> body = new LinkedHashMap<>(save);
    body.put("token", DocumentServerDouble.sign(save, secret(), Duration.ofMinutes(5)));
    String header =
        DocumentServerDouble.sign(Map.of("payload", trimmed), secret(), Duration.ofMinutes(5));
    assertAcknowledged(ds.post(s.callbackUrl, DocumentServerDouble.toJson(body), header));
    assertEquals("9.0.0", dms.history(s.doc.id(), "2").get("serverVersion"));
  }

  @Test
  void closingWithoutChangesEndsTheSessionWithoutAVersion() throws Exception {
    Session s = new Session("xlsx", content("sheet"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    assertNotNull(s.openSession());
    assertAcknowledged(s.send(s.status(4)));
    assertNull(s.openSession());
    assertEquals(1, s.versions().size());
  }

  @Test
  void everyForcesaveTypeStoresAnIntermediateVersionAndTheSessionGoesOn() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertAcknowledged(s.send(s.status(1, "editor", "owner")));
    for (int type = 0; type <= 3; type++) {
      assertAcknowledged(s.send(s.forcesave(type, content("forcesave " + type), "editor")));
    }
    List<DemoDms.Version> versions = s.versions();
    assertEquals(5, versions.size());
    for (int i = 1; i <= 4; i++) {
      assertEquals("EDIT_INTERMEDIATE", versions.get(i).kind());
    }
    Map<String, Object> session = s.openSession();
    assertNotNull(session, "the session goes on");
    assertEquals(4L, ((Number) session.get("intermediateSaves")).longValue());

    byte[] finalContent = content("final");
    assertAcknowledged(s.send(s.save(2, finalContent, "docx", "editor")));
    versions = s.versions();
    assertEquals(6, versions.size(), "the final save is based on the last forcesave: no conflict");
    assertEquals("EDIT_FINAL", versions.get(5).kind());
    assertArrayEquals(finalContent, dms.content(s.doc.id(), null));
    assertTrue(s.copies("conflict").isEmpty());
  }

  @Test
  void aFinalSaveWithNothingNewSinceTheLastForcesaveStoresNoDuplicate() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    assertAcknowledged(s.send(s.forcesave(1, content("forcesaved"), "editor")));
    Map<String, Object> save = s.save(2, content("forcesaved"), "docx", "editor");
    save.put("notmodified", true);
    save.put("history", Map.of("serverVersion", "9.0.0", "changes", List.of()));
    assertAcknowledged(s.send(save));
    assertEquals(2, s.versions().size(), "no second copy of the same content");
    assertEquals("9.0.0", dms.history(s.doc.id(), "2").get("serverVersion"));
    assertNull(s.openSession());
  }

  @Test
  void forcesaveWithoutASeenStartStartsTheSessionFromTheLinksVersion() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertAcknowledged(s.send(s.forcesave(1, content("saved first"), "editor")));
    assertEquals(2, s.versions().size());
    assertEquals(1L, ((Number) s.openSession().get("intermediateSaves")).longValue());
    assertAcknowledged(s.send(s.save(2, content("then final"), "docx", "editor")));
    assertEquals(3, s.versions().size());
    assertTrue(s.copies("conflict").isEmpty());
  }

  @Test
  void finalSaveWithoutASeenStartIsStored() throws Exception {
    Session s = new Session("docx", content("v1"));
    byte[] edited = content("only the final callback arrived");
    assertAcknowledged(s.send(s.save(2, edited, "docx", "editor")));
    assertArrayEquals(edited, dms.content(s.doc.id(), null));
    assertEquals("EDIT_FINAL", s.versions().get(1).kind());
  }

  @Test
  void saveErrorKeepsWhatWasSentAsARecoveryCopyAndTellsTheUsers() throws Exception {
    Session s = new Session("docx", content("original"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    byte[] partial = content("what the Document Server could assemble");
    assertAcknowledged(s.send(s.save(3, partial, "docx", "editor")));

    assertEquals(1, s.versions().size(), "the document itself is unchanged");
    List<DemoDms.Document> copies = s.copies("recovered");
    assertEquals(1, copies.size());
    assertArrayEquals(partial, dms.content(copies.get(0).id(), null));
    assertNull(s.openSession());
    List<Map<String, Object>> notices = s.notices("editor");
    assertEquals(1, notices.size());
    assertEquals("RECOVERY_COPY", notices.get(0).get("kind"));
    assertEquals(copies.get(0).id(), notices.get(0).get("copyId"), "the editor owns the copy");
  }

  @Test
  void saveErrorWithoutAFileIsNotAcknowledgedSoTheDocumentServerKeepsIt() throws Exception {
    Session s = new Session("docx", content("original"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    assertRefused(200, s.send(s.status(3, "editor")));
    assertEquals(1, s.versions().size());
    assertNull(s.openSession());
    assertEquals("SAVE_FAILED", s.notices("editor").get(0).get("kind"));
  }

  @Test
  void forcesaveErrorKeepsARecoveryCopyAndEditingGoesOn() throws Exception {
    Session s = new Session("pptx", content("slides"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    Map<String, Object> failed = s.save(7, content("partial forcesave"), "pptx", "editor");
    failed.put("forcesavetype", 1);
    assertAcknowledged(s.send(failed));
    assertEquals(1, s.copies("recovered").size());
    assertEquals(1, s.versions().size());
    assertNotNull(s.openSession(), "editing goes on");

    Map<String, Object> withoutFile = s.status(7, "editor");
    withoutFile.put("forcesavetype", 2);
    assertAcknowledged(s.send(withoutFile));
    assertTrue(
        s.notices("editor").stream().anyMatch(n -> "FORCESAVE_FAILED".equals(n.get("kind"))));
  }

  @Test
  void undocumentedStatusesAreAcknowledgedAndIgnored() throws Exception {
    Session s = new Session("docx", content("v1"));
    for (int status : new int[] {0, 5, 8, 42}) {
      assertAcknowledged(s.send(s.status(status, "editor")));
    }
    assertNull(s.openSession());
    assertEquals(1, s.versions().size());
  }

  // ---- security ----

  private void assertUntouched(Session s) throws Exception {
    assertEquals(1, s.versions().size());
    assertNull(s.openSession());
  }

  @Test
  void unsignedCallbackIsRefused() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertRefused(
        403, ds.callback(s.callbackUrl, s.save(2, content("x"), "docx", "editor"), Placement.NONE));
    assertUntouched(s);
  }

  @Test
  void callbackSignedWithAnotherSecretIsRefused() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> claims = s.save(2, content("x"), "docx", "editor");
    byte[] other = "not-the-shared-secret-0123456789-abcdef".getBytes(StandardCharsets.UTF_8);
    Map<String, Object> body = new LinkedHashMap<>(claims);
    body.put("token", DocumentServerDouble.sign(claims, other, Duration.ofMinutes(5)));
    assertRefused(403, ds.post(s.callbackUrl, DocumentServerDouble.toJson(body), null));
    String header =
        DocumentServerDouble.sign(Map.of("payload", claims), other, Duration.ofMinutes(5));
    assertRefused(403, ds.post(s.callbackUrl, DocumentServerDouble.toJson(claims), header));
    assertUntouched(s);
  }

  @Test
  void callbackWithANoneAlgorithmTokenIsRefused() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> claims = s.save(2, content("x"), "docx", "editor");
    Map<String, Object> body = new LinkedHashMap<>(claims);
    body.put("token", DocumentServerDouble.unsigned(claims));
    assertRefused(403, ds.post(s.callbackUrl, DocumentServerDouble.toJson(body), null));
    assertRefused(
        403,
        ds.post(
            s.callbackUrl,
            DocumentServerDouble.toJson(claims),
            DocumentServerDouble.unsigned(Map.of("payload", claims))));
    assertUntouched(s);
  }

  @Test
  void expiredTokenIsRefused() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> claims = s.save(2, content("x"), "docx", "editor");
    Map<String, Object> body = new LinkedHashMap<>(claims);
    body.put("token", DocumentServerDouble.sign(claims, secret(), Duration.ofMinutes(-10)));
    assertRefused(403, ds.post(s.callbackUrl, DocumentServerDouble.toJson(body), null));
    assertUntouched(s);
  }

  @Test
  void aCallbackForAnotherDocumentCannotWriteToIt() throws Exception {
    Session a = new Session("docx", content("document A"));
    Session b = new Session("docx", content("document B"));
    Map<String, Object> claimsForB = b.save(2, content("meant for B"), "docx", "editor");
    assertRefused(403, ds.callback(a.callbackUrl, claimsForB, Placement.BOTH));
    assertUntouched(a);
    assertUntouched(b);
  }

  @Test
  void forgedExpiredOrForeignPurposeLinksAreRefused() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> claims = s.save(2, content("x"), "docx", "editor");
    String base = baseUrl() + "callback/";
    ConnectorLinks forger =
        new ConnectorLinks(baseUrl().toString(), "a-guessed-link-secret-0123456789-abcdef");
    for (String url :
        List.of(
            base,
            base + "not-a-link",
            forger.callbackUrl(s.doc.id(), s.key, s.doc.version()),
            base + links.sign("d", s.doc.id(), Duration.ofHours(1)),
            base + links.sign("c", s.doc.id() + "/" + s.key + "/MQ", Duration.ofSeconds(-5)))) {
      assertRefused(403, ds.callback(url, claims, Placement.BOTH));
    }
    assertUntouched(s);
  }

  @Test
  void malformedCallbacksAreBadRequests() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertRefused(400, ds.post(s.callbackUrl, "not json at all", null));
    assertRefused(400, ds.post(s.callbackUrl, "[1,2]", null));
    Map<String, Object> noStatus = new LinkedHashMap<>(s.status(2, "editor"));
    noStatus.remove("status");
    assertRefused(400, s.send(noStatus));
    Map<String, Object> noUrl = s.status(2, "editor");
    assertRefused(400, s.send(noUrl));
    Map<String, Object> badUrl = s.status(2, "editor");
    badUrl.put("url", "::not a url::");
    assertRefused(400, s.send(badUrl));
    assertEquals(1, s.versions().size());
  }

  @Test
  void aSaveUrlOutsideTheDocumentServerIsNeverFetched() throws Exception {
    Session s = new Session("docx", content("v1"));
    try (DocumentServerDouble elsewhere = DocumentServerDouble.start("127.0.0.2", jwtSecret())) {
      Map<String, Object> claims = s.status(2, "editor");
      claims.put("url", elsewhere.serve("internal-secret", bytes(content("secret"))));
      claims.put("filetype", "docx");
      claims.put("changesurl", elsewhere.serve("changes", bytes(content("zip"))));
      assertRefused(403, s.send(claims));
      Map<String, Object> forcesave = s.status(6, "editor");
      forcesave.put("url", "http://127.0.0.2:" + elsewhere.baseUrl().getPort() + "/cache/x");
      forcesave.put("forcesavetype", 0);
      assertRefused(403, s.send(forcesave));
      Map<String, Object> otherScheme = s.status(2, "editor");
      otherScheme.put("url", "file:///etc/passwd");
      assertRefused(403, s.send(otherScheme));
      assertTrue(elsewhere.received().isEmpty(), "no request reached the other listener");
    }
    assertEquals(1, s.versions().size());
  }

  @Test
  void aFileLargerThanTheLimitIsRefusedWithoutReadingIt() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> claims = s.status(2, "editor");
    claims.put("url", ds.serve("huge", DocumentServerDouble.generated(3L << 30)));
    claims.put("filetype", "docx");
    assertRefused(413, s.send(claims));
    assertEquals(1, s.versions().size());
  }

  // ---- reliability ----

  @Test
  void aDownloadCutOffHalfWayStoresNothingAndTheRetrySucceeds() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    byte[] edited = new byte[300_000];
    new java.util.Random(5).nextBytes(edited);
    Map<String, Object> claims = s.status(2, "editor");
    claims.put("url", ds.serve("cut", DocumentServerDouble.cutOff(edited, 150_000, 1)));
    claims.put("filetype", "docx");
    assertRefused(503, s.send(claims));
    assertEquals(1, s.versions().size(), "nothing stored");
    assertEquals("SAVE_RETRYING", s.notices("editor").get(0).get("kind"));

    assertAcknowledged(s.send(claims));
    assertEquals(2, s.versions().size());
    assertArrayEquals(edited, dms.content(s.doc.id(), null));
    assertTrue(s.notices("editor").isEmpty(), "the retry notice is gone");
  }

  @Test
  void aDmsFailingOnTheFirstTryIsAskedAgainThroughTheDocumentServer() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> claims = s.save(2, content("stored on the second try"), "docx", "editor");
    dms.failNextStores(1);
    assertRefused(503, s.send(claims));
    assertEquals(1, s.versions().size());
    assertAcknowledged(s.send(claims));
    assertEquals(2, s.versions().size());
  }

  @Test
  void repeatedCallbacksStoreNothingNew() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> forcesave = s.forcesave(0, content("forcesave"), "editor");
    assertAcknowledged(s.send(forcesave));
    assertAcknowledged(s.send(forcesave));
    assertEquals(2, s.versions().size());
    Map<String, Object> save = s.save(2, content("final"), "docx", "editor");
    assertAcknowledged(s.send(save));
    assertAcknowledged(s.send(save));
    assertEquals(3, s.versions().size());
    assertTrue(s.copies("conflict").isEmpty());
  }

  @Test
  void concurrentDuplicatesStoreOnce() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> save = s.status(2, "editor");
    save.put(
        "url",
        ds.serve("slow", DocumentServerDouble.slow(content("once"), Duration.ofMillis(500))));
    save.put("filetype", "docx");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        answers.add(pool.submit((Callable<HttpResponse<String>>) () -> s.send(save)));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        assertAcknowledged(answer.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(2, s.versions().size());
    assertTrue(s.copies("conflict").isEmpty());
  }

  @Test
  void editingArrivingAfterTheFinalSaveDoesNotReopenTheSession() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> editing = s.status(1, "editor");
    assertAcknowledged(s.send(s.save(2, content("final"), "docx", "editor")));
    assertAcknowledged(s.send(editing));
    assertNull(s.openSession());
  }

  @Test
  void aForcesaveArrivingAfterTheFinalSaveIsStale() throws Exception {
    Session s = new Session("docx", content("v1"));
    Map<String, Object> forcesave = s.forcesave(2, content("older"), "editor");
    byte[] last = content("newest");
    assertAcknowledged(s.send(s.save(2, last, "docx", "editor")));
    assertAcknowledged(s.send(forcesave));
    assertEquals(2, s.versions().size());
    assertArrayEquals(last, dms.content(s.doc.id(), null));
  }

  @Test
  void aForcesaveArrivingAfterTheCloseIsStillStored() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    Map<String, Object> forcesave = s.forcesave(1, content("saved before the close"), "editor");
    assertAcknowledged(s.send(s.status(4)));
    assertAcknowledged(s.send(forcesave));
    assertEquals(2, s.versions().size());
    assertNull(s.openSession(), "the ended session is not reopened");
  }

  @Test
  void anUploadDuringTheSessionTurnsTheSaveIntoAConflictCopy() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertAcknowledged(s.send(s.status(1, "editor")));
    byte[] upload = content("uploaded meanwhile");
    dms.uploadVersion(s.doc.id(), s.doc.title(), upload);
    byte[] edited = content("edited in the session");
    assertAcknowledged(s.send(s.save(2, edited, "docx", "editor")));

    assertArrayEquals(upload, dms.content(s.doc.id(), null), "the upload is not overwritten");
    assertEquals(2, s.versions().size());
    List<DemoDms.Document> copies = s.copies("conflict");
    assertEquals(1, copies.size());
    assertArrayEquals(edited, dms.content(copies.get(0).id(), null));
    List<Map<String, Object>> notices = s.notices("editor");
    assertEquals("CONFLICT_COPY", notices.get(notices.size() - 1).get("kind"));
    assertNull(s.openSession());
  }

  // ---- what users see ----

  @Test
  void noticesAreShownToTheSessionsUsersAndEditorsOnly() throws Exception {
    Session s = new Session("docx", content("v1"));
    assertAcknowledged(s.send(s.save(3, content("partial"), "docx", "reviewer")));
    assertEquals(1, s.notices("reviewer").size(), "the reviewer was in the session");
    assertEquals(1, s.notices("editor").size(), "the editor may edit");
    assertTrue(s.notices("viewer").isEmpty(), "the viewer was not in the session");
    assertNotNull(s.notices("reviewer").get(0).get("copyId"), "the reviewer owns the copy");
    assertEquals(400, dms.status("no%20such%20id!", "owner").statusCode());
    assertEquals(404, dms.status("dnosuchdocument", "owner").statusCode());
  }
}
