package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.session.EditingService;
import org.officebridge.standin.session.EditorUser;
import org.officebridge.standin.session.OpenOutcome;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.DocumentServerDouble;

/**
 * The callback handler driven by the Document Server stand-in, end to end: the stand-in downloads
 * the document from the connector, simulates users editing, and sends every status and forcesave
 * type with its faults (broken downloads, duplicates, reordering, wrong secrets, skewed clocks)
 * while the connector stores into the demo DMS.
 */
abstract class StandInCallbackContract extends CallbackContract {

  static final Duration WAIT = Duration.ofSeconds(20);

  /**
   * @return the stand-in the connector is configured to use, running for the whole class
   */
  abstract RunningStandIn standIn();

  /**
   * @param secret the JWT secret
   * @return a stand-in with short delays, as the tests want it
   */
  static StandIn.Builder standInBuilder(String secret) {
    return StandIn.builder()
        .jwtSecret(secret)
        .callbackDelay(Duration.ofMillis(200))
        .retryBaseDelay(Duration.ofMillis(400));
  }

  @BeforeEach
  void resetStandIn() {
    standIn().faults().reset();
  }

  /** A new document in the demo DMS, edited through a stand-in. */
  final class Editing {
    final RunningStandIn ds;
    final DemoDms.Document doc;
    final String key;
    final String callbackUrl;

    Editing(RunningStandIn ds, String extension, byte[] content) throws Exception {
      this.ds = ds;
      doc = dms.upload("Stand-in test", extension, content);
      key = "it-" + doc.id() + "-" + doc.version();
      callbackUrl = links.callbackUrl(doc.id(), key, doc.version());
    }

    Editing(String extension, byte[] content) throws Exception {
      this(standIn(), extension, content);
    }

    void open(String userId) throws Exception {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("fileType", doc.title().substring(doc.title().lastIndexOf('.') + 1));
      document.put("key", key);
      document.put("title", doc.title());
      document.put("url", links.downloadUrl(doc.id()));
      document.put("permissions", Map.of("edit", true, "comment", true));
      Map<String, Object> editor = new LinkedHashMap<>();
      editor.put("callbackUrl", callbackUrl);
      editor.put("mode", "edit");
      editor.put("user", Map.of("id", userId, "name", "User " + userId));
      editor.put("customization", Map.of("forcesave", true));
      Map<String, Object> config = new LinkedHashMap<>();
      config.put("document", document);
      config.put("editorConfig", editor);
      Map<String, Object> signed = new LinkedHashMap<>(config);
      signed.put("token", DocumentServerDouble.sign(config, secret(), Duration.ofMinutes(5)));
      OpenOutcome opened = ds.openEditor(signed);
      assertTrue(opened.opened(), () -> "the stand-in refused: " + opened.describe());
    }

    CallbackRecord await(int status, boolean accepted) throws InterruptedException {
      return ds.callbacks()
          .await(r -> r.key().equals(key) && r.status() == status && r.accepted() == accepted, WAIT)
          .orElseThrow(
              () ->
                  new AssertionError(
                      "no "
                          + (accepted ? "accepted" : "refused")
                          + " status "
                          + status
                          + " for "
                          + key
                          + ": "
                          + ds.callbacks().forKey(key)));
    }

    CallbackRecord awaitAccepted(int status) throws InterruptedException {
      return await(status, true);
    }

    List<DemoDms.Version> versions() throws Exception {
      return dms.versions(doc.id());
    }

    Map<String, Object> openSession() throws Exception {
      return sessionOf(doc.id());
    }

    List<DemoDms.Document> copies(String label) throws Exception {
      return copiesOf(doc, label);
    }
  }

  static byte[] office(String type, String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OfficeDocuments.write(type, List.of(text), out);
    return out.toByteArray();
  }

  static String zipEntry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name + " in the archive");
  }

  @Test
  void standInSessionIsSavedWhenTheLastEditorLeaves() throws Exception {
    Editing e = new Editing("docx", office("docx", "Original text"));
    e.open("editor");
    e.awaitAccepted(1);
    assertNotNull(e.openSession());
    String line = e.ds.edit(e.key, "editor");
    e.ds.leave(e.key, "editor");
    e.awaitAccepted(2);

    List<DemoDms.Version> versions = e.versions();
    assertEquals(2, versions.size());
    assertEquals("EDIT_FINAL", versions.get(1).kind());
    assertEquals("editor", versions.get(1).author());
    String text = zipEntry(dms.content(e.doc.id(), "2"), "word/document.xml");
    assertTrue(text.contains("Original text") && text.contains(line), text);
    assertEquals("9.0.0.0", dms.history(e.doc.id(), "2").get("serverVersion"));
    assertEquals(e.key, dms.history(e.doc.id(), "2").get("key"));
    assertTrue(dms.changes(e.doc.id(), "2").isPresent());
    assertNull(e.openSession());
  }

  @Test
  void standInCoEditorsShareOneSessionUntilTheLastLeaves() throws Exception {
    Editing e = new Editing("xlsx", office("xlsx", "Budget"));
    e.open("editor");
    e.open("owner");
    e.ds
        .callbacks()
        .awaitCount(r -> r.key().equals(e.key) && r.status() == 1 && r.accepted(), 2, WAIT);
    assertEquals(2L, ((Number) e.openSession().get("editors")).longValue());
    e.ds.edit(e.key, "editor");
    e.ds.leave(e.key, "editor");
    e.ds
        .callbacks()
        .awaitCount(r -> r.key().equals(e.key) && r.status() == 1 && r.accepted(), 3, WAIT);
    assertEquals(1L, ((Number) e.openSession().get("editors")).longValue());
    e.ds.leave(e.key, "owner");
    e.awaitAccepted(2);
    assertEquals(2, e.versions().size());
    assertEquals("editor", e.versions().get(1).author(), "the last one who changed it");
    assertNull(e.openSession());
  }

  @Test
  void standInCloseWithoutChangesEndsTheSession() throws Exception {
    Editing e = new Editing("pptx", office("pptx", "Slides"));
    e.open("editor");
    e.awaitAccepted(1);
    e.ds.leave(e.key, "editor");
    e.awaitAccepted(4);
    assertNull(e.openSession());
    assertEquals(1, e.versions().size());
  }

  @Test
  void standInForcesavesOfEveryTypeAreStoredAsTheSessionGoesOn() throws Exception {
    Editing e = new Editing("docx", office("docx", "Draft"));
    e.open("editor");
    e.ds.edit(e.key, "editor");
    assertEquals(EditingService.SaveButton.FORCESAVED, e.ds.pressSave(e.key, "editor"));
    assertEquals(1, e.awaitAccepted(6).body().get("forcesavetype"));
    e.ds.edit(e.key, "editor");
    assertTrue(e.ds.forcesaveByTimer(e.key));
    e.ds
        .callbacks()
        .awaitCount(r -> r.key().equals(e.key) && r.status() == 6 && r.accepted(), 2, WAIT);
    e.ds.edit(e.key, "editor");
    assertEquals(0L, command(e.ds, "forcesave", e.key).get("error"));
    List<CallbackRecord> forcesaves =
        e.ds
            .callbacks()
            .awaitCount(r -> r.key().equals(e.key) && r.status() == 6 && r.accepted(), 3, WAIT);
    assertEquals(
        List.of(1, 2, 0), forcesaves.stream().map(r -> r.body().get("forcesavetype")).toList());
    assertEquals(3L, ((Number) e.openSession().get("intermediateSaves")).longValue());

    e.ds.edit(e.key, "editor");
    e.ds.leave(e.key, "editor");
    e.awaitAccepted(2);
    List<DemoDms.Version> versions = e.versions();
    assertEquals(5, versions.size());
    assertEquals(
        List.of("EDIT_INTERMEDIATE", "EDIT_INTERMEDIATE", "EDIT_INTERMEDIATE", "EDIT_FINAL"),
        versions.subList(1, 5).stream().map(DemoDms.Version::kind).toList());
    assertTrue(e.copies("conflict").isEmpty());

    Editing form = new Editing("pdf", office("pdf", "Leave request"));
    form.open("filler");
    assertTrue(form.ds.submitForm(form.key, "filler").get());
    CallbackRecord submitted = form.awaitAccepted(6);
    assertEquals(3, submitted.body().get("forcesavetype"));
    assertNotNull(submitted.body().get("formsdataurl"));
    assertEquals("EDIT_INTERMEDIATE", form.versions().get(1).kind());
  }

  @Test
  void standInLegacyDocumentIsSavedWithTheTypeTheDocumentServerReports() throws Exception {
    Editing e = new Editing("doc", "legacy binary".getBytes(StandardCharsets.UTF_8));
    e.open("editor");
    e.ds.edit(e.key, "editor");
    e.ds.leave(e.key, "editor");
    assertEquals("docx", e.awaitAccepted(2).body().get("filetype"));
    assertTrue(dms.document(e.doc.id()).title().endsWith(".docx"));
    assertEquals(2, e.versions().size());
  }

  @Test
  void standInSaveErrorsBecomeRecoveryCopies() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.ds.edit(e.key, "editor");
    e.ds.failNextSave(e.key, 7);
    e.ds.pressSave(e.key, "editor");
    e.awaitAccepted(7);
    assertNotNull(e.openSession(), "editing goes on after a failed forcesave");
    e.ds.failNextSave(e.key, 3);
    e.ds.leave(e.key, "editor");
    e.awaitAccepted(3);
    assertEquals(2, e.copies("recovered").size());
    assertEquals(1, e.versions().size());
    assertNull(e.openSession());
  }

  @Test
  void standInFailedForcesaveIsStillSavedWhenTheEditorLeaves() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    String line = e.ds.edit(e.key, "editor");
    e.ds.failNextSave(e.key, 7);
    e.ds.pressSave(e.key, "editor");
    e.awaitAccepted(7);
    e.ds.leave(e.key, "editor");
    e.awaitAccepted(2);
    assertEquals("EDIT_FINAL", e.versions().get(e.versions().size() - 1).kind());
    assertTrue(zipEntry(dms.content(e.doc.id(), null), "word/document.xml").contains(line));
    assertNull(e.openSession());
  }

  @Test
  void standInFinalSaveRightAfterAForcesaveIsNotModifiedAndStoresNoDuplicate() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    String line = e.ds.edit(e.key, "editor");
    e.ds.pressSave(e.key, "editor");
    e.awaitAccepted(6);
    e.ds.leave(e.key, "editor");
    assertEquals(true, e.awaitAccepted(2).body().get("notmodified"));
    List<DemoDms.Version> versions = e.versions();
    assertEquals(2, versions.size(), "the original and the forcesave, no copy of the same content");
    assertTrue(zipEntry(dms.content(e.doc.id(), null), "word/document.xml").contains(line));
    assertNull(e.openSession());
  }

  @Test
  void standInRetriesADownloadCutOffHalfWayAndTheRetryIsStored() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    String line = e.ds.edit(e.key, "editor");
    e.ds.faults().cutDownloadsAfter(100, Faults.FileKind.DOCUMENT);
    e.ds.leave(e.key, "editor");
    CallbackRecord failed = e.await(2, false);
    assertEquals(503, failed.httpStatus());
    e.ds.faults().reset();
    CallbackRecord stored = e.awaitAccepted(2);
    assertTrue(stored.attempt() > 1);
    assertEquals(2, e.versions().size());
    assertTrue(zipEntry(dms.content(e.doc.id(), null), "word/document.xml").contains(line));
  }

  @Test
  void standInRetriesADmsThatFailsOnTheFirstTry() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.ds.edit(e.key, "editor");
    dms.failNextStores(1);
    e.ds.leave(e.key, "editor");
    assertEquals(503, e.await(2, false).httpStatus());
    assertEquals(2, e.awaitAccepted(2).attempt());
    assertEquals(2, e.versions().size());
  }

  @Test
  void standInKeepsAForgottenFileWhenEveryRetryFails() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.ds.edit(e.key, "editor");
    dms.failNextStores(100);
    try {
      e.ds.leave(e.key, "editor");
      List<CallbackRecord> attempts =
          e.ds.callbacks().awaitCount(r -> r.key().equals(e.key) && r.status() == 2, 4, WAIT);
      assertEquals(4, attempts.size(), "the first try and three retries");
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (!e.ds.forgottenKeys().contains(e.key) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } finally {
      dms.failNextStores(0);
    }
    assertTrue(e.ds.forgottenKeys().contains(e.key), "the Document Server kept the edit");
    assertTrue(e.ds.forgottenFile(e.key).isPresent());
    assertEquals(1, e.versions().size());
    assertEquals("SAVE_RETRYING", noticesOf(e.doc.id(), "editor").get(0).get("kind"));
  }

  @Test
  void standInDuplicateCallbacksStoreEverySaveOnce() throws Exception {
    standIn().faults().duplicateCallbacks(true);
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.ds.edit(e.key, "editor");
    e.ds.pressSave(e.key, "editor");
    e.ds
        .callbacks()
        .awaitCount(r -> r.key().equals(e.key) && r.status() == 6 && r.accepted(), 2, WAIT);
    e.ds.edit(e.key, "editor");
    e.ds.leave(e.key, "editor");
    e.ds
        .callbacks()
        .awaitCount(r -> r.key().equals(e.key) && r.status() == 2 && r.accepted(), 2, WAIT);
    assertEquals(3, e.versions().size());
    assertTrue(e.copies("conflict").isEmpty());
    assertNull(e.openSession());
  }

  @Test
  void standInCallbacksOutOfOrderLoseNothingAndLeaveNoSessionOpen() throws Exception {
    standIn().faults().outOfOrderCallbacks(true);
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.ds.edit(e.key, "editor");
    e.ds.pressSave(e.key, "editor");
    e.awaitAccepted(6);
    e.ds.edit(e.key, "editor");
    e.ds.leave(e.key, "editor");
    e.awaitAccepted(2);
    e.awaitAccepted(1);
    assertEquals(3, e.versions().size());
    assertTrue(e.copies("conflict").isEmpty());
    assertNull(e.openSession());
  }

  @Test
  void standInCallbacksSignedWithAWrongSecretAreRefused() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.awaitAccepted(1);
    e.ds.edit(e.key, "editor");
    e.ds.faults().jwtWithWrongSecret(true);
    e.ds.leave(e.key, "editor");
    assertEquals(403, e.await(2, false).httpStatus());
    assertEquals(1, e.versions().size());
  }

  @Test
  void standInCallbacksWithExpiredTokensAreRefused() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.awaitAccepted(1);
    e.ds.edit(e.key, "editor");
    e.ds.faults().clockSkew(Duration.ofMinutes(-10));
    e.ds.leave(e.key, "editor");
    assertEquals(403, e.await(2, false).httpStatus());
    assertEquals(1, e.versions().size());
  }

  @Test
  void standInTokensInTheHeaderOnlyOrTheBodyOnlyAreBothAccepted() throws Exception {
    for (boolean inBody : new boolean[] {true, false}) {
      try (RunningStandIn other =
          standInBuilder(jwtSecret()).tokenInBody(inBody).tokenInHeader(!inBody).start()) {
        Editing e = new Editing(other, "docx", office("docx", "Text"));
        e.open("editor");
        e.ds.edit(e.key, "editor");
        e.ds.leave(e.key, "editor");
        CallbackRecord saved = e.awaitAccepted(2);
        assertEquals(inBody, saved.bodyToken().isPresent());
        assertEquals(!inBody, saved.headerToken().isPresent());
        assertEquals(2, e.versions().size());
      }
    }
  }

  @Test
  void standInSaveAfterAConflictingUploadBecomesAConflictCopy() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    String line = e.ds.edit(e.key, "editor");
    byte[] upload = office("docx", "Uploaded meanwhile");
    dms.uploadVersion(e.doc.id(), e.doc.title(), upload);
    e.ds.leave(e.key, "editor");
    e.awaitAccepted(2);
    assertEquals(2, e.versions().size());
    assertEquals("UPLOAD", e.versions().get(1).kind());
    List<DemoDms.Document> copies = e.copies("conflict");
    assertEquals(1, copies.size());
    assertTrue(zipEntry(dms.content(copies.get(0).id(), null), "word/document.xml").contains(line));
    assertFalse(
        zipEntry(dms.content(e.doc.id(), null), "word/document.xml").contains(line),
        "the upload stays current");
  }

  private Map<String, Object> command(RunningStandIn ds, String c, String key) throws Exception {
    Map<String, Object> request = Map.of("c", c, "key", key);
    Map<String, Object> body = new LinkedHashMap<>(request);
    body.put("token", DocumentServerDouble.sign(request, secret(), Duration.ofMinutes(5)));
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ds.baseUrl() + "/command"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(DocumentServerDouble.toJson(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return com.nimbusds.jose.util.JSONObjectUtils.parse(r.body());
  }

  @Test
  void standInUsersJoiningLaterGetTheirCallbackUrlUsedToo() throws Exception {
    Editing e = new Editing("docx", office("docx", "Text"));
    e.open("editor");
    e.ds.join(e.key, new EditorUser("owner", "Olivia Owner"));
    e.ds.edit(e.key, "owner");
    e.ds.leave(e.key, "editor");
    e.ds.leave(e.key, "owner");
    CallbackRecord saved = e.awaitAccepted(2);
    assertEquals(List.of("owner"), saved.body().get("users"));
    assertEquals("owner", e.versions().get(1).author());
  }
}
