package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.jwt.Hs256Jwt;
import org.officebridge.standin.session.EditScope;
import org.officebridge.standin.session.EditingService;
import org.officebridge.standin.session.EditorMode;
import org.officebridge.standin.session.EditorUser;
import org.officebridge.standin.session.OpenOutcome;

class DocsApiFlowTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeDms dms;
  private RunningStandIn ds;

  @BeforeEach
  void start() throws Exception {
    dms = new FakeDms();
    ds =
        StandIn.builder()
            .jwtSecret(TestConfigs.SECRET)
            .callbackDelay(Duration.ofMillis(100))
            .retryBaseDelay(Duration.ofMillis(20))
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    dms.close();
  }

  private OpenOutcome open(String key, URI url, String type, String user) throws Exception {
    return ds.openEditor(
        TestConfigs.signed(
            TestConfigs.config(key, url, type, dms.callbackUrl(user), user, "Name " + user),
            TestConfigs.SECRET));
  }

  private CallbackRecord awaitStatus(String key, int status) throws InterruptedException {
    return ds.callbacks()
        .await(r -> r.key().equals(key) && r.status() == status, WAIT)
        .orElseThrow(() -> new AssertionError("no status " + status + " for " + key));
  }

  private byte[] get(String url) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), "download of " + url);
    return r.body();
  }

  @Test
  void fullSessionDownloadsWithJwtJoinsEditsAndSavesAValidDocx() throws Exception {
    URI url = dms.serveDocument("/files/report.docx", "docx", List.of("Original text"));

    OpenOutcome opened = open("doc-1", url, "docx", "u1");

    assertTrue(opened.opened(), () -> "refused: " + opened.error());
    FakeDms.Received download = dms.requestsTo("/files/report.docx").get(0);
    String auth = download.header("Authorization");
    assertTrue(auth.startsWith("Bearer "));
    Map<String, Object> claims =
        new Hs256Jwt(TestConfigs.SECRET).verify(auth.substring(7), java.time.Instant.now());
    assertEquals(url.toString(), Json.object(claims, "payload").orElseThrow().get("url"));

    CallbackRecord joined = awaitStatus("doc-1", 1);
    assertEquals(List.of("u1"), joined.body().get("users"));
    assertEquals(List.of(Map.of("type", 1, "userid", "u1")), joined.body().get("actions"));

    String line = ds.edit("doc-1", "u1");
    ds.leave("doc-1", "u1");

    CallbackRecord saved = awaitStatus("doc-1", 2);
    assertEquals(dms.callbackUrl("u1"), saved.callbackUrl());
    assertEquals("docx", saved.body().get("filetype"));
    assertEquals(List.of("u1"), saved.body().get("users"));
    assertTrue(saved.body().containsKey("changesurl"));
    assertTrue(saved.body().containsKey("lastsave"));
    @SuppressWarnings("unchecked")
    Map<String, Object> history = (Map<String, Object>) saved.body().get("history");
    assertEquals("9.0.0.0", history.get("serverVersion"));
    assertEquals(1, ((List<?>) history.get("changes")).size());
    assertTrue(saved.accepted());

    byte[] docx = get(saved.url().orElseThrow());
    String text = Ooxml.partText(docx, "word/document.xml");
    assertTrue(text.contains("Original text"), text);
    assertTrue(text.contains(line), text);
    assertTrue(line.contains("Name u1"));
    Ooxml.entries(get((String) saved.body().get("changesurl")));
    assertTrue(ds.session("doc-1").orElseThrow().keyUsed());
  }

  @Test
  void closingWithoutChangesSendsStatus4ToTheLastUser() throws Exception {
    URI url = dms.serveDocument("/files/a.docx", "docx", List.of("A"));
    open("doc-4", url, "docx", "u1");

    ds.leave("doc-4", "u1");

    CallbackRecord closed = awaitStatus("doc-4", 4);
    assertEquals(dms.callbackUrl("u1"), closed.callbackUrl());
    assertFalse(closed.body().containsKey("url"));
    Thread.sleep(300);
    assertTrue(ds.callbacks().forKey("doc-4").stream().noneMatch(r -> r.status() == 2));
  }

  @Test
  void sameKeyJoinsTheSameSessionAndDoesNotDownloadAgain() throws Exception {
    URI url = dms.serveDocument("/files/shared.docx", "docx", List.of("Shared"));
    open("doc-shared", url, "docx", "u1");
    open("doc-shared", url, "docx", "u2");

    assertEquals(1, dms.requestsTo("/files/shared.docx").size());
    assertEquals(1, ds.sessions().size());
    assertEquals(List.of("u1", "u2"), ds.session("doc-shared").orElseThrow().editors());
    List<CallbackRecord> joins =
        ds.callbacks().awaitCount(r -> r.key().equals("doc-shared") && r.status() == 1, 2, WAIT);
    assertEquals(List.of("u1", "u2"), joins.get(1).body().get("users"));
    assertEquals(dms.callbackUrl("u2"), joins.get(1).callbackUrl());
  }

  @Test
  void finalSaveGoesToTheLastChangerAndLeavesSendStatus1ToTheLeaver() throws Exception {
    URI url = dms.serveDocument("/files/co.docx", "docx", List.of("Co"));
    open("doc-co", url, "docx", "u1");
    open("doc-co", url, "docx", "u2");
    ds.edit("doc-co", "u2");

    ds.leave("doc-co", "u2");
    CallbackRecord left =
        ds.callbacks()
            .await(
                r ->
                    r.key().equals("doc-co")
                        && r.status() == 1
                        && r.body()
                            .get("actions")
                            .equals(List.of(Map.of("type", 0, "userid", "u2"))),
                WAIT)
            .orElseThrow();
    assertEquals(dms.callbackUrl("u2"), left.callbackUrl());
    assertEquals(List.of("u1"), left.body().get("users"));

    ds.leave("doc-co", "u1");
    CallbackRecord saved = awaitStatus("doc-co", 2);
    assertEquals(dms.callbackUrl("u2"), saved.callbackUrl());
    assertEquals(List.of("u2"), saved.body().get("users"));
  }

  @Test
  void forcesaveOfEveryTypeSendsStatus6WithItsType() throws Exception {
    URI url = dms.serveDocument("/files/f.docx", "docx", List.of("F"));
    ds.openEditor(
        TestConfigs.signed(
            TestConfigs.withForcesave(
                TestConfigs.config("doc-fs", url, "docx", dms.callbackUrl("u1"), "u1", "One")),
            TestConfigs.SECRET));

    ds.edit("doc-fs", "u1");
    assertEquals(EditingService.SaveButton.FORCESAVED, ds.pressSave("doc-fs", "u1"));
    CallbackRecord button = awaitForcesave("doc-fs", 1);
    assertEquals(List.of(Map.of("type", 2, "userid", "u1")), button.body().get("actions"));
    assertEquals(List.of("u1"), button.body().get("users"));

    ds.edit("doc-fs", "u1");
    Map<String, Object> answer =
        command(Map.of("c", "forcesave", "key", "doc-fs", "userdata", "ud"));
    assertEquals(0L, answer.get("error"));
    CallbackRecord byCommand = awaitForcesave("doc-fs", 0);
    assertEquals("ud", byCommand.body().get("userdata"));

    ds.edit("doc-fs", "u1");
    assertTrue(ds.forcesaveByTimer("doc-fs"));
    awaitForcesave("doc-fs", 2);

    assertEquals(EditingService.SaveButton.NO_CHANGES, ds.pressSave("doc-fs", "u1"));

    URI pdf = dms.serveDocument("/files/form.pdf", "pdf", List.of("Form"));
    open("form-1", pdf, "pdf", "u3");
    assertTrue(ds.submitForm("form-1", "u3").get());
    CallbackRecord submitted = awaitForcesave("form-1", 3);
    assertEquals(dms.callbackUrl("u3"), submitted.callbackUrl());
    byte[] formsData = get((String) submitted.body().get("formsdataurl"));
    assertTrue(Ooxml.string(formsData).contains("u3"));
  }

  private CallbackRecord awaitForcesave(String key, int type) throws InterruptedException {
    return ds.callbacks()
        .await(
            r ->
                r.key().equals(key)
                    && r.status() == 6
                    && Long.valueOf(type)
                        .equals(((Number) r.body().get("forcesavetype")).longValue()),
            WAIT)
        .orElseThrow(() -> new AssertionError("no forcesave type " + type));
  }

  @Test
  void saveButtonWithoutForcesaveCustomizationSendsNothing() throws Exception {
    URI url = dms.serveDocument("/files/nf.docx", "docx", List.of("N"));
    open("doc-nf", url, "docx", "u1");
    ds.edit("doc-nf", "u1");

    assertEquals(EditingService.SaveButton.NOT_ENABLED, ds.pressSave("doc-nf", "u1"));
  }

  @Test
  void finalSaveRefusedWith500IsRetriedThreeTimesThenForgotten() throws Exception {
    URI url = dms.serveDocument("/files/r.docx", "docx", List.of("R"));
    open("doc-r", url, "docx", "u1");
    awaitStatus("doc-r", 1);
    dms.answerCallbacks(r -> new FakeDms.Answer(500, "oops"));

    ds.edit("doc-r", "u1");
    ds.leave("doc-r", "u1");

    List<CallbackRecord> attempts =
        ds.callbacks().awaitCount(r -> r.key().equals("doc-r") && r.status() == 2, 4, WAIT);
    assertEquals(4, attempts.size());
    assertEquals(List.of(1, 2, 3, 4), attempts.stream().map(CallbackRecord::attempt).toList());
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (ds.forgottenKeys().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(List.of("doc-r"), ds.forgottenKeys());
    Thread.sleep(200);
    assertEquals(4, ds.callbacks().forKey("doc-r").stream().filter(r -> r.status() == 2).count());

    Map<String, Object> list = command(Map.of("c", "getForgottenList"));
    assertEquals(List.of("doc-r"), list.get("keys"));
    Map<String, Object> forgotten = command(Map.of("c", "getForgotten", "key", "doc-r"));
    assertEquals(0L, forgotten.get("error"));
    Ooxml.partText(get((String) forgotten.get("url")), "word/document.xml");
    assertEquals(0L, command(Map.of("c", "deleteForgotten", "key", "doc-r")).get("error"));
    assertEquals(1L, command(Map.of("c", "getForgotten", "key", "doc-r")).get("error"));
  }

  @Test
  void answerWithNonZeroErrorIsNotRetriedButForgotten() throws Exception {
    URI url = dms.serveDocument("/files/e.docx", "docx", List.of("E"));
    open("doc-e", url, "docx", "u1");
    awaitStatus("doc-e", 1);
    dms.answerCallbacks(r -> new FakeDms.Answer(200, "{\"error\":1}"));
    ds.edit("doc-e", "u1");
    ds.leave("doc-e", "u1");

    awaitStatus("doc-e", 2);
    Thread.sleep(300);
    assertEquals(1, ds.callbacks().forKey("doc-e").stream().filter(r -> r.status() == 2).count());
    assertEquals(List.of("doc-e"), ds.forgottenKeys());
  }

  @Test
  void failNextSaveSendsStatus3AndStatus7() throws Exception {
    URI url = dms.serveDocument("/files/x.docx", "docx", List.of("X"));
    ds.openEditor(
        TestConfigs.signed(
            TestConfigs.withForcesave(
                TestConfigs.config("doc-x", url, "docx", dms.callbackUrl("u1"), "u1", "One")),
            TestConfigs.SECRET));
    ds.failNextSave(7);
    ds.edit("doc-x", "u1");
    ds.pressSave("doc-x", "u1");
    CallbackRecord seven = awaitStatus("doc-x", 7);
    assertEquals(1L, ((Number) seven.body().get("forcesavetype")).longValue());

    ds.failNextSave("doc-x", 3);
    ds.edit("doc-x", "u1");
    ds.leave("doc-x", "u1");
    CallbackRecord three = awaitStatus("doc-x", 3);
    assertTrue(three.url().isPresent());
    assertFalse(ds.session("doc-x").orElseThrow().keyUsed());
  }

  @Test
  void reopeningASavedKeyForEditingIsRefusedAsOutdated() throws Exception {
    URI url = dms.serveDocument("/files/o.docx", "docx", List.of("O"));
    open("doc-o", url, "docx", "u1");
    ds.edit("doc-o", "u1");
    ds.leave("doc-o", "u1");
    awaitStatus("doc-o", 2);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!ds.session("doc-o").orElseThrow().keyUsed() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    OpenOutcome again = open("doc-o", url, "docx", "u1");

    assertFalse(again.opened());
    assertEquals("OUTDATED", again.error().orElseThrow().kind().name());
  }

  @Test
  void legacyDocIsSavedAsDocx() throws Exception {
    URI url = dms.serve("/files/old.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0});
    open("doc-legacy", url, "doc", "u1");
    ds.edit("doc-legacy", "u1");
    ds.leave("doc-legacy", "u1");

    CallbackRecord saved = awaitStatus("doc-legacy", 2);
    assertEquals("docx", saved.body().get("filetype"));
    Ooxml.partText(get(saved.url().orElseThrow()), "word/document.xml");
  }

  @Test
  void editsProduceDistinctVersions() throws Exception {
    URI url = dms.serveDocument("/files/v.xlsx", "xlsx", List.of("a\tb"));
    ds.openEditor(
        TestConfigs.signed(
            TestConfigs.withForcesave(
                TestConfigs.config("doc-v", url, "xlsx", dms.callbackUrl("u1"), "u1", "One")),
            TestConfigs.SECRET));
    ds.edit("doc-v", "u1");
    ds.pressSave("doc-v", "u1");
    String first =
        Ooxml.partText(
            get(awaitForcesave("doc-v", 1).url().orElseThrow()), "xl/worksheets/sheet1.xml");
    ds.edit("doc-v", "u1");
    ds.forcesaveByTimer("doc-v");
    String second =
        Ooxml.partText(
            get(awaitForcesave("doc-v", 2).url().orElseThrow()), "xl/worksheets/sheet1.xml");
    assertNotEquals(first, second);
    assertTrue(second.contains("change #2"));
  }

  private Map<String, Object> command(Map<String, Object> params) throws Exception {
    String body = Json.write(Map.of("token", TestConfigs.sign(params, TestConfigs.SECRET)));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(ds.baseUrl().resolve("/command"))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    return Json.parseObject(r.body());
  }

  @Test
  void joinSimulatesASecondEditorWithTheSessionsCallbackUrl() throws Exception {
    URI url = dms.serveDocument("/files/j.docx", "docx", List.of("J"));
    open("doc-j", url, "docx", "u1");
    ds.join("doc-j", new EditorUser("u9", "Nine"));
    assertEquals(List.of("u1", "u9"), ds.session("doc-j").orElseThrow().editors());
    assertTrue(ds.edit("doc-j", "u9").contains("Nine"));
  }

  private OpenOutcome openWith(
      String key, URI url, String type, String user, Map<String, Object> permissions)
      throws Exception {
    Map<String, Object> config =
        TestConfigs.withForcesave(
            TestConfigs.config(key, url, type, dms.callbackUrl(user), user, "Name " + user));
    @SuppressWarnings("unchecked")
    Map<String, Object> document = (Map<String, Object>) config.get("document");
    document.put("permissions", permissions);
    return ds.openEditor(TestConfigs.signed(config, TestConfigs.SECRET));
  }

  @Test
  void reviewOnlyUserConnectsAsAnEditorCountsInUsersAndTheirChangeIsSaved() throws Exception {
    URI url = dms.serveDocument("/files/review.docx", "docx", List.of("Draft"));
    OpenOutcome opened =
        openWith("doc-rev", url, "docx", "r1", Map.of("edit", false, "review", true));

    assertTrue(opened.opened(), () -> "refused: " + opened.error());
    assertEquals(EditorMode.EDIT, opened.connection().orElseThrow().mode());
    assertEquals(EditScope.REVIEW, opened.connection().orElseThrow().scope());
    assertEquals("edit", opened.describe().get("mode"));
    assertEquals("review", opened.describe().get("scope"));
    assertEquals(List.of("r1"), awaitStatus("doc-rev", 1).body().get("users"));
    String line = ds.edit("doc-rev", "r1");
    assertTrue(line.startsWith("Suggested a tracked change"), line);
    ds.leave("doc-rev", "r1");
    CallbackRecord saved = awaitStatus("doc-rev", 2);
    assertTrue(Ooxml.partText(get(saved.url().orElseThrow()), "word/document.xml").contains(line));
  }

  @Test
  void commentOnlyAndFormFillingOnlyUsersAreEditorsOfThatKind() throws Exception {
    URI sheet = dms.serveDocument("/files/comment.xlsx", "xlsx", List.of("a\tb"));
    OpenOutcome commenter =
        openWith("doc-com", sheet, "xlsx", "c1", Map.of("edit", false, "comment", true));
    assertEquals(EditScope.COMMENT, commenter.connection().orElseThrow().scope());
    assertEquals(List.of("c1"), awaitStatus("doc-com", 1).body().get("users"));
    assertTrue(ds.edit("doc-com", "c1").startsWith("Commented"));

    URI form = dms.serveDocument("/files/fill.pdf", "pdf", List.of("Form"));
    OpenOutcome filler =
        openWith("doc-fill", form, "pdf", "f1", Map.of("edit", false, "fillForms", true));
    assertEquals(EditorMode.EDIT, filler.connection().orElseThrow().mode());
    assertEquals(EditScope.FILL_FORMS, filler.connection().orElseThrow().scope());
    assertTrue(ds.edit("doc-fill", "f1").startsWith("Filled in a form field"));
    assertTrue(ds.submitForm("doc-fill", "f1").get());
    assertEquals(
        3L, ((Number) awaitForcesave("doc-fill", 3).body().get("forcesavetype")).longValue());
  }

  @Test
  void withoutEditReviewCommentOrFillFormsTheEditorOnlyViews() throws Exception {
    URI url = dms.serveDocument("/files/view.docx", "docx", List.of("V"));
    OpenOutcome viewer = openWith("doc-ro", url, "docx", "v1", Map.of("edit", false));
    assertEquals(EditorMode.VIEW, viewer.connection().orElseThrow().mode());
    assertEquals(List.of(), ds.session("doc-ro").orElseThrow().editors());
    assertThrows(IllegalStateException.class, () -> ds.edit("doc-ro", "v1"));
  }

  @Test
  void failedForcesaveKeepsItsChangesAndTheFinalSaveStillBringsThem() throws Exception {
    URI url = dms.serveDocument("/files/seven.docx", "docx", List.of("Seven"));
    openWith("doc-7", url, "docx", "u1", Map.of("edit", true));
    String line = ds.edit("doc-7", "u1");
    ds.failNextSave("doc-7", 7);
    assertEquals(EditingService.SaveButton.FORCESAVED, ds.pressSave("doc-7", "u1"));
    awaitStatus("doc-7", 7);
    assertTrue(ds.session("doc-7").orElseThrow().dirty(), "the changes are still unsaved");

    ds.leave("doc-7", "u1");

    CallbackRecord saved = awaitStatus("doc-7", 2);
    assertFalse(saved.body().containsKey("notmodified"));
    assertTrue(Ooxml.partText(get(saved.url().orElseThrow()), "word/document.xml").contains(line));
    assertTrue(ds.callbacks().forKey("doc-7").stream().noneMatch(r -> r.status() == 4));
  }

  @Test
  void leavingRightAfterAnAcceptedForcesaveSendsStatus2WithNotmodified() throws Exception {
    URI url = dms.serveDocument("/files/nm.docx", "docx", List.of("NM"));
    openWith("doc-nm", url, "docx", "u1", Map.of("edit", true));
    ds.edit("doc-nm", "u1");
    ds.pressSave("doc-nm", "u1");
    CallbackRecord forcesaved = awaitForcesave("doc-nm", 1);
    assertTrue(forcesaved.accepted());
    assertFalse(forcesaved.body().containsKey("notmodified"));

    ds.leave("doc-nm", "u1");

    CallbackRecord saved = awaitStatus("doc-nm", 2);
    assertEquals(true, saved.body().get("notmodified"));
    assertTrue(saved.url().isPresent());
    assertTrue(ds.callbacks().forKey("doc-nm").stream().noneMatch(r -> r.status() == 4));
  }

  @Test
  void changesAfterTheLastForcesaveMakeTheFinalSaveModified() throws Exception {
    URI url = dms.serveDocument("/files/m.docx", "docx", List.of("M"));
    openWith("doc-m", url, "docx", "u1", Map.of("edit", true));
    ds.edit("doc-m", "u1");
    ds.pressSave("doc-m", "u1");
    awaitForcesave("doc-m", 1);
    ds.edit("doc-m", "u1");
    ds.leave("doc-m", "u1");
    assertFalse(awaitStatus("doc-m", 2).body().containsKey("notmodified"));
  }
}
