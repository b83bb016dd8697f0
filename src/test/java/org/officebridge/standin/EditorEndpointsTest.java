package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.jwt.Hs256Jwt;

/** The editor frame's server side: config and token checks, actions, signed methods, poll. */
class EditorEndpointsTest {

  private FakeDms dms;
  private RunningStandIn ds;
  private URI docUrl;

  @BeforeEach
  void start() throws Exception {
    dms = new FakeDms();
    ds =
        StandIn.builder()
            .jwtSecret(TestConfigs.SECRET)
            .callbackDelay(Duration.ofMillis(50))
            .start();
    docUrl = dms.serveDocument("/files/e.docx", "docx", List.of("Editor test"));
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    dms.close();
  }

  private Map<String, Object> config(String key) {
    return TestConfigs.config(key, docUrl, "docx", dms.callbackUrl("u1"), "u1", "User One");
  }

  private Map<String, Object> open(Map<String, Object> config) throws Exception {
    return StandInHttp.postJson(
        ds.baseUrl().resolve("/standin/editor/open"), Map.of("config", config));
  }

  private static Map<String, Object> error(Map<String, Object> answer) {
    assertEquals(false, answer.get("opened"), answer::toString);
    return Json.object(answer, "error").orElseThrow();
  }

  @Test
  void servesApiJsAndTheEditorFrame() throws Exception {
    HttpResponse<byte[]> js =
        StandInHttp.get(ds.baseUrl().resolve("/web-apps/apps/api/documents/api.js"));
    assertEquals(200, js.statusCode());
    assertTrue(
        js.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
    String text = new String(js.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains("window.DocsAPI.DocEditor = DocEditor") && text.contains("9.0.0.0"));
    String html = StandInHttp.getText(ds.baseUrl().resolve("/web-apps/apps/standin/editor.html"));
    for (String id :
        List.of(
            "standin-title",
            "standin-mode",
            "standin-permissions",
            "standin-methods",
            "standin-events")) {
      assertTrue(html.contains("id=\"" + id + "\""), id);
    }
    assertEquals(
        200,
        StandInHttp.get(ds.baseUrl().resolve("/web-apps/apps/standin/editor.js")).statusCode());
  }

  @Test
  void refusesConfigWithoutTokenLikeTheRealEditor() throws Exception {
    Map<String, Object> e = error(open(config("ed-1")));
    assertEquals("TOKEN_INVALID", e.get("kind"));
    assertEquals(-20L, e.get("errorCode"));
    assertTrue(
        ((String) e.get("errorDescription"))
            .startsWith("The document security token is not correctly formed"));
    assertTrue(dms.received().isEmpty(), "nothing downloaded");
  }

  @Test
  void refusesConfigSignedWithAnotherSecret() throws Exception {
    Map<String, Object> e =
        error(open(TestConfigs.signed(config("ed-2"), TestConfigs.SECRET + "-other")));
    assertEquals(-20L, e.get("errorCode"));
  }

  @Test
  void refusesUnsignedAlgNoneConfigToken() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    Map<String, Object> c = config("ed-3");
    c.put(
        "token",
        b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(Json.write(config("ed-3")).getBytes(StandardCharsets.UTF_8))
            + ".");
    assertEquals(-20L, error(open(c)).get("errorCode"));
  }

  @Test
  void refusesExpiredConfigTokenWithTheExpiryError() throws Exception {
    Map<String, Object> claims = new LinkedHashMap<>(config("ed-4"));
    claims.put("exp", Instant.now().minusSeconds(3600).getEpochSecond());
    Map<String, Object> c = config("ed-4");
    c.put("token", TestConfigs.sign(claims, TestConfigs.SECRET));
    Map<String, Object> e = error(open(c));
    assertEquals(-21L, e.get("errorCode"));
    assertEquals("TOKEN_EXPIRED", e.get("kind"));
  }

  @Test
  void acceptsValidTokenAndShowsTitleModeAndPermissions() throws Exception {
    Map<String, Object> a = open(TestConfigs.signed(config("ed-5"), TestConfigs.SECRET));
    assertEquals(true, a.get("opened"), a::toString);
    assertEquals("Report.docx", a.get("title"));
    assertEquals("edit", a.get("mode"));
    assertEquals(true, Json.object(a, "permissions").orElseThrow().get("edit"));
    assertEquals("u1", Json.object(a, "user").orElseThrow().get("id"));
  }

  @Test
  void securityRelevantValuesComeFromTheTokenOnly() throws Exception {
    Map<String, Object> signedPart = config("ed-6");
    @SuppressWarnings("unchecked")
    Map<String, Object> editor = (Map<String, Object>) signedPart.get("editorConfig");
    editor.put("mode", "view");
    Map<String, Object> shown = TestConfigs.signed(signedPart, TestConfigs.SECRET);
    Map<String, Object> tampered = config("ed-6");
    tampered.put("token", shown.get("token"));
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) tampered.get("document");
    doc.put("url", dms.base().resolve("/files/other.docx").toString());
    Map<String, Object> a = open(tampered);
    assertEquals(true, a.get("opened"), a::toString);
    assertEquals("view", a.get("mode"));
    assertEquals(1, dms.requestsTo("/files/e.docx").size());
    assertTrue(dms.requestsTo("/files/other.docx").isEmpty());
  }

  @Test
  void refusesStructurallyInvalidConfigs() throws Exception {
    Map<String, Object> noUrl = config("ed-7");
    ((Map<?, ?>) noUrl.get("document")).remove("url");
    assertEquals("CONFIG", error(open(TestConfigs.signed(noUrl, TestConfigs.SECRET))).get("kind"));

    Map<String, Object> badKey = config("bad:key");
    assertTrue(
        ((String)
                error(open(TestConfigs.signed(badKey, TestConfigs.SECRET))).get("errorDescription"))
            .contains("document.key"));

    Map<String, Object> longKey = config("k".repeat(129));
    assertEquals(
        "CONFIG", error(open(TestConfigs.signed(longKey, TestConfigs.SECRET))).get("kind"));

    Map<String, Object> badType = config("ed-8");
    @SuppressWarnings("unchecked")
    Map<String, Object> doc = (Map<String, Object>) badType.get("document");
    doc.put("fileType", "exe");
    assertTrue(
        ((String)
                error(open(TestConfigs.signed(badType, TestConfigs.SECRET)))
                    .get("errorDescription"))
            .contains("document.fileType"));

    Map<String, Object> mismatch = config("ed-9");
    mismatch.put("documentType", "cell");
    assertTrue(
        ((String)
                error(open(TestConfigs.signed(mismatch, TestConfigs.SECRET)))
                    .get("errorDescription"))
            .contains("documentType"));
  }

  @Test
  void reportsDownloadFailureAsMinus4() throws Exception {
    Map<String, Object> c =
        TestConfigs.config(
            "ed-10", dms.base().resolve("/missing.docx"), "docx", dms.callbackUrl("u1"), "u1", "U");
    Map<String, Object> e = error(open(TestConfigs.signed(c, TestConfigs.SECRET)));
    assertEquals(-4L, e.get("errorCode"));
  }

  private String connection(Map<String, Object> opened) {
    return (String) Json.object(opened, "connection").orElseThrow().get("id");
  }

  private Map<String, Object> method(String connection, String method, Map<String, Object> argument)
      throws Exception {
    return StandInHttp.postJson(
        ds.baseUrl().resolve("/standin/editor/method"),
        Map.of("connection", connection, "method", method, "argument", argument));
  }

  @Test
  void signedMethodArgumentsAreVerifiedWithTheSecret() throws Exception {
    String conn = connection(open(TestConfigs.signed(config("ed-11"), TestConfigs.SECRET)));
    URI image = dms.serve("/img/a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Map<String, Object> arg = new LinkedHashMap<>();
    arg.put("c", "add");
    arg.put("images", List.of(Map.of("fileType", "png", "url", image.toString())));

    assertEquals(false, method(conn, "insertImage", arg).get("accepted"));
    Map<String, Object> wrong = new LinkedHashMap<>(arg);
    wrong.put("token", TestConfigs.sign(arg, TestConfigs.SECRET + "x"));
    assertEquals(false, method(conn, "insertImage", wrong).get("accepted"));

    Map<String, Object> good = new LinkedHashMap<>(arg);
    good.put("token", TestConfigs.sign(arg, TestConfigs.SECRET));
    Map<String, Object> ok = method(conn, "insertImage", good);
    assertEquals(true, ok.get("accepted"), ok::toString);
    assertTrue(((String) ok.get("line")).startsWith("Inserted 1 image(s)"));
    FakeDms.Received fetched = dms.requestsTo("/img/a.png").get(0);
    Map<String, Object> claims =
        new Hs256Jwt(TestConfigs.SECRET)
            .verify(fetched.header("Authorization").substring(7), Instant.now());
    assertEquals(image.toString(), Json.object(claims, "payload").orElseThrow().get("url"));

    assertEquals(
        true, method(conn, "setUsers", Map.of("c", "mention", "users", List.of())).get("accepted"));
    assertEquals(4, ds.editorMethodCalls().size());
    Map<String, Object> history = Map.of("version", 2, "key", "k2", "url", docUrl.toString());
    Map<String, Object> signedHistory = new LinkedHashMap<>(history);
    signedHistory.put("token", TestConfigs.sign(history, TestConfigs.SECRET));
    assertEquals(true, method(conn, "setHistoryData", signedHistory).get("accepted"));
    assertEquals(false, method(conn, "setHistoryData", history).get("accepted"));
  }

  @Test
  void refreshFileReopensWithTheNewSignedConfig() throws Exception {
    String conn = connection(open(TestConfigs.signed(config("ed-12"), TestConfigs.SECRET)));
    Map<String, Object> next = TestConfigs.signed(config("ed-12b"), TestConfigs.SECRET);
    Map<String, Object> r = method(conn, "refreshFile", next);
    assertEquals(true, r.get("accepted"));
    assertEquals("ed-12b", Json.object(r, "refresh").orElseThrow().get("key"));
  }

  @Test
  void frameActionsEditSaveAndPollEvents() throws Exception {
    String conn = connection(open(TestConfigs.signed(config("ed-13"), TestConfigs.SECRET)));
    URI actions = ds.baseUrl().resolve("/standin/editor/action");
    Map<String, Object> edited =
        StandInHttp.postJson(actions, Map.of("connection", conn, "action", "edit"));
    assertTrue(((String) edited.get("line")).contains("User One"));
    assertEquals(
        "NOT_ENABLED",
        StandInHttp.postJson(actions, Map.of("connection", conn, "action", "save")).get("result"));
    Map<String, Object> pdf =
        StandInHttp.postJson(
            actions, Map.of("connection", conn, "action", "downloadAs", "format", "pdf"));
    assertEquals("pdf", pdf.get("fileType"));
    assertTrue(
        new String(
                StandInHttp.get(URI.create((String) pdf.get("url"))).body(),
                StandardCharsets.ISO_8859_1)
            .contains("Editor test"));

    StandInHttp.postJson(
        ds.baseUrl().resolve("/command"),
        Map.of(
            "token",
            TestConfigs.sign(
                Map.of("c", "meta", "key", "ed-13", "meta", Map.of("title", "Renamed.docx")),
                TestConfigs.SECRET)));
    Map<String, Object> polled =
        Json.parseObject(
            StandInHttp.getText(ds.baseUrl().resolve("/standin/editor/poll?connection=" + conn)));
    List<Object> events = Json.array(polled, "events").orElseThrow();
    assertTrue(
        events.stream().anyMatch(e -> ((Map<?, ?>) e).get("type").equals("onMetaChange")),
        events::toString);
    assertEquals("Renamed.docx", polled.get("title"));

    StandInHttp.postJson(actions, Map.of("connection", conn, "action", "close"));
    assertTrue(
        ds.callbacks()
            .await(r -> r.key().equals("ed-13") && r.status() == 2, Duration.ofSeconds(10))
            .isPresent());
    assertFalse(
        (Boolean)
            Json.parseObject(
                    StandInHttp.getText(
                        ds.baseUrl().resolve("/standin/editor/poll?connection=" + conn)))
                .get("open"));
  }

  @Test
  void unknownConnectionIsABadRequest() throws Exception {
    HttpResponse<String> r =
        StandInHttp.post(
            ds.baseUrl().resolve("/standin/editor/action"),
            "{\"connection\":\"nope\",\"action\":\"edit\"}");
    assertEquals(400, r.statusCode());
  }
}
