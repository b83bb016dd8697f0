package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.command.CommandError;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.session.EditorUser;
import org.officebridge.standin.session.OpenOutcome;

class CommandServiceTest {

  private FakeDms dms;
  private RunningStandIn ds;

  @BeforeEach
  void start() throws Exception {
    dms = new FakeDms();
    ds =
        StandIn.builder()
            .jwtSecret(TestConfigs.SECRET)
            .callbackDelay(Duration.ofMillis(50))
            .retryBaseDelay(Duration.ofMillis(10))
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    dms.close();
  }

  private URI command() {
    return ds.baseUrl().resolve("/command");
  }

  private long signed(Map<String, Object> params) throws Exception {
    Map<String, Object> answer =
        StandInHttp.postJson(
            command(), Map.of("token", TestConfigs.sign(params, TestConfigs.SECRET)));
    return ((Number) answer.get("error")).longValue();
  }

  private OpenOutcome openEditing(String key) throws Exception {
    URI url = dms.serveDocument("/files/" + key + ".docx", "docx", List.of("C"));
    return ds.openEditor(
        TestConfigs.signed(
            TestConfigs.config(key, url, "docx", dms.callbackUrl("u1"), "u1", "U"),
            TestConfigs.SECRET));
  }

  @Test
  void refusesCommandWithoutToken() throws Exception {
    assertEquals(6L, StandInHttp.postJson(command(), Map.of("c", "version")).get("error"));
  }

  @Test
  void refusesTokenSignedWithAnotherSecret() throws Exception {
    Map<String, Object> a =
        StandInHttp.postJson(
            command(),
            Map.of("token", TestConfigs.sign(Map.of("c", "version"), TestConfigs.SECRET + "x")));
    assertEquals(6L, a.get("error"));
  }

  @Test
  void refusesUnsignedAlgNoneToken() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String none =
        b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString("{\"c\":\"version\"}".getBytes(StandardCharsets.UTF_8))
            + ".";
    assertEquals(6L, StandInHttp.postJson(command(), Map.of("token", none)).get("error"));
    assertEquals(
        6L,
        StandInHttp.postJson(command(), Map.of("c", "version"), "Authorization", "Bearer " + none)
            .get("error"));
  }

  @Test
  void acceptsValidBodyToken() throws Exception {
    Map<String, Object> a =
        StandInHttp.postJson(
            command(),
            Map.of("token", TestConfigs.sign(Map.of("c", "version"), TestConfigs.SECRET)));
    assertEquals(0L, a.get("error"));
    assertEquals("9.0.0.0", a.get("version"));
  }

  @Test
  void acceptsValidHeaderTokenWithPayloadAndTheOldEndpoint() throws Exception {
    String token = TestConfigs.sign(Map.of("payload", Map.of("c", "version")), TestConfigs.SECRET);
    Map<String, Object> a =
        StandInHttp.postJson(
            ds.baseUrl().resolve("/coauthoring/CommandService.ashx"),
            Map.of("c", "version"),
            "Authorization",
            "Bearer " + token);
    assertEquals(0L, a.get("error"));
  }

  @Test
  void tokenValuesWinOverThePlainBody() throws Exception {
    openEditing("cmd-tok");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("c", "drop");
    body.put("key", "cmd-tok");
    body.put("token", TestConfigs.sign(Map.of("c", "info", "key", "cmd-tok"), TestConfigs.SECRET));
    Map<String, Object> a = StandInHttp.postJson(command(), body);
    assertEquals(0L, a.get("error"));
    assertEquals(List.of("u1"), a.get("users"));
    assertEquals(List.of("u1"), ds.session("cmd-tok").orElseThrow().editors());
  }

  @Test
  void everyErrorCodeIsReachable() throws Exception {
    openEditing("cmd-all");
    assertEquals(CommandError.OK.code(), signed(Map.of("c", "info", "key", "cmd-all")));
    assertEquals(CommandError.KEY_NOT_FOUND.code(), signed(Map.of("c", "info", "key", "nope")));
    assertEquals(CommandError.KEY_NOT_FOUND.code(), signed(Map.of("c", "forcesave")));

    URI url = dms.serveDocument("/files/viewonly.docx", "docx", List.of("V"));
    Map<String, Object> view =
        TestConfigs.config("cmd-view", url, "docx", dms.callbackUrl("v"), "v", "V");
    @SuppressWarnings("unchecked")
    Map<String, Object> editor = (Map<String, Object>) view.get("editorConfig");
    editor.put("mode", "view");
    editor.remove("callbackUrl");
    assertTrue(ds.openEditor(TestConfigs.signed(view, TestConfigs.SECRET)).opened());
    assertEquals(CommandError.CALLBACK_URL.code(), signed(Map.of("c", "info", "key", "cmd-view")));

    ds.faults().failNextCommand(3);
    assertEquals(CommandError.INTERNAL.code(), signed(Map.of("c", "version")));
    assertEquals(
        CommandError.NO_CHANGES.code(), signed(Map.of("c", "forcesave", "key", "cmd-all")));
    assertEquals(CommandError.COMMAND_NOT_CORRECT.code(), signed(Map.of("c", "reboot")));
    assertEquals(
        CommandError.COMMAND_NOT_CORRECT.code(),
        ((Number) Json.parseObject(StandInHttp.post(command(), "{not json").body()).get("error"))
            .longValue());
    assertEquals(
        CommandError.INVALID_TOKEN.code(),
        ((Number) StandInHttp.postJson(command(), Map.of("c", "version")).get("error"))
            .longValue());
  }

  @Test
  void infoAlsoPushesStatus1WithUserdata() throws Exception {
    openEditing("cmd-info");
    assertEquals(0L, signed(Map.of("c", "info", "key", "cmd-info", "userdata", "hello")));
    assertTrue(
        ds.callbacks()
            .await(
                r -> "hello".equals(r.body().get("userdata")) && r.status() == 1,
                Duration.ofSeconds(5))
            .isPresent());
  }

  @Test
  void dropLeavesTheUserViewingFiresUserDropAndEndsTheEditingSession() throws Exception {
    String connection = openEditing("cmd-drop").connection().orElseThrow().id();
    assertEquals(0L, signed(Map.of("c", "drop", "key", "cmd-drop", "users", List.of("u1"))));
    assertEquals(List.of(), ds.session("cmd-drop").orElseThrow().editors());
    assertTrue(
        ds.callbacks()
            .await(r -> r.key().equals("cmd-drop") && r.status() == 4, Duration.ofSeconds(5))
            .isPresent());
    Map<String, Object> poll =
        Json.parseObject(
            StandInHttp.getText(
                ds.baseUrl().resolve("/standin/editor/poll?connection=" + connection)));
    assertEquals(true, poll.get("open"), "the dropped user can still view the document");
    List<Object> events = Json.array(poll, "events").orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> dropped = (Map<String, Object>) events.get(0);
    assertEquals("dropped", dropped.get("type"));
    assertEquals(
        -100L,
        ((Number) Json.object(dropped, "data").orElseThrow().get("errorCode")).longValue(),
        "sdkjs UserDrop, reported through onError");
    assertEquals("view", ds.session("cmd-drop").orElseThrow().connections().get(0).get("mode"));
  }

  @Test
  void dropOfOneCoEditorKeepsTheOthersEditing() throws Exception {
    openEditing("cmd-drop2");
    ds.join("cmd-drop2", new EditorUser("u2", "Two"));
    assertEquals(0L, signed(Map.of("c", "drop", "key", "cmd-drop2", "users", List.of("u2"))));
    assertEquals(List.of("u1"), ds.session("cmd-drop2").orElseThrow().editors());
    assertTrue(
        ds.callbacks()
            .await(
                r ->
                    r.key().equals("cmd-drop2")
                        && r.status() == 1
                        && List.of(Map.of("type", 0, "userid", "u2"))
                            .equals(r.body().get("actions")),
                Duration.ofSeconds(5))
            .isPresent());
    assertThrows(IllegalStateException.class, () -> ds.edit("cmd-drop2", "u2"));
  }

  @Test
  void dropWithoutUsersBlocksEditingForEveryone() throws Exception {
    openEditing("cmd-block");
    assertEquals(0L, signed(Map.of("c", "drop", "key", "cmd-block")));
    assertTrue(ds.session("cmd-block").orElseThrow().editingBlocked());
  }

  @Test
  void metaRenamesTheDocument() throws Exception {
    openEditing("cmd-meta");
    assertEquals(
        0L, signed(Map.of("c", "meta", "key", "cmd-meta", "meta", Map.of("title", "New.docx"))));
    assertEquals("New.docx", ds.session("cmd-meta").orElseThrow().title());
    assertEquals(5L, signed(Map.of("c", "meta", "key", "cmd-meta")));
  }

  @Test
  void licenseReportsServerAndQuota() throws Exception {
    openEditing("cmd-lic");
    Map<String, Object> a =
        StandInHttp.postJson(
            command(),
            Map.of("token", TestConfigs.sign(Map.of("c", "license"), TestConfigs.SECRET)));
    assertEquals(0L, a.get("error"));
    assertEquals(3L, Json.object(a, "server").orElseThrow().get("resultType"));
    assertEquals(
        1, Json.object(a, "quota").flatMap(q -> Json.array(q, "users")).orElseThrow().size());
  }

  @Test
  void withJwtOffThePlainBodyIsUsed() throws Exception {
    try (RunningStandIn open = StandIn.builder().start()) {
      assertEquals(
          0L,
          StandInHttp.postJson(open.baseUrl().resolve("/command"), Map.of("c", "version"))
              .get("error"));
    }
  }
}
