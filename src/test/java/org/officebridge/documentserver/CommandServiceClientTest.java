package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandServiceClientTest {

  private FakeDocumentServer ds;
  private Clients clients;
  private CommandServiceClient commands;

  @BeforeEach
  void start() throws Exception {
    ds = new FakeDocumentServer();
    clients = new Clients(ds);
    commands = clients.commands();
  }

  @AfterEach
  void stop() {
    ds.close();
  }

  private JsonObject body() {
    return Json.createReader(new StringReader(ds.last().body())).readObject();
  }

  @Test
  void forcesaveIsSignedInBodyAndHeaderAndSentWithTheShardKey() {
    ds.answerJson("{\"error\":0,\"key\":\"k-1\"}");
    assertEquals(ForcesaveResult.STARTED, commands.forcesave("k-1", Optional.of("u=7")));

    FakeDocumentServer.Received request = ds.last();
    assertEquals("POST", request.method());
    assertEquals("/command", request.uri().getPath());
    assertEquals("shardkey=k-1", request.uri().getQuery());
    assertTrue(request.header("Content-Type").startsWith("application/json"));
    JsonObject body = body();
    assertEquals("forcesave", body.getString("c"));
    Map<String, Object> claims = clients.jwt.verify(body.getString("token"));
    assertEquals("forcesave", claims.get("c"));
    assertEquals("k-1", claims.get("key"));
    assertEquals("u=7", claims.get("userdata"));
    Map<String, Object> payload = clients.jwt.verifyHeader(request.header("Authorization"));
    assertEquals("forcesave", payload.get("c"));
    assertEquals("k-1", payload.get("key"));
  }

  @Test
  void forcesaveWithNoChangesIsNotAFailure() {
    ds.answerJson("{\"error\":4,\"key\":\"k-1\"}");
    assertEquals(ForcesaveResult.NO_CHANGES, commands.forcesave("k-1", Optional.empty()));
    assertFalse(body().containsKey("userdata"));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 6})
  void forcesaveErrorsBecomeTypedExceptionsCarryingTheCode(int code) {
    ds.answerJson("{\"error\":" + code + ",\"key\":\"k-1\"}");
    CommandServiceException e =
        assertThrows(
            CommandServiceException.class, () -> commands.forcesave("k-1", Optional.empty()));
    assertEquals(code, e.code());
    assertEquals(CommandError.fromCode(code), e.error());
    assertEquals(code, e.error().code());
    assertEquals("forcesave", e.command());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6})
  void everyErrorCodeOfOtherCommandsIsAFailure(int code) {
    for (Consumer<CommandServiceClient> command :
        List.<Consumer<CommandServiceClient>>of(
            c -> c.meta("k-1", "New.docx"),
            c -> c.drop("k-1", List.of("u1")),
            c -> c.info("k-1", Optional.empty()),
            CommandServiceClient::version,
            CommandServiceClient::license,
            CommandServiceClient::forgottenList,
            c -> c.forgotten("k-1"),
            c -> c.deleteForgotten("k-1"))) {
      ds.answerJson("{\"error\":" + code + "}");
      CommandServiceException e =
          assertThrows(CommandServiceException.class, () -> command.accept(commands));
      assertEquals(CommandError.fromCode(code), e.error());
    }
  }

  @Test
  void errorCodesMapTotally() {
    for (CommandError e : CommandError.values()) {
      if (e != CommandError.UNKNOWN) {
        assertEquals(e, CommandError.fromCode(e.code()));
      }
    }
    assertEquals(CommandError.UNKNOWN, CommandError.fromCode(7));
    assertEquals(CommandError.UNKNOWN, CommandError.fromCode(-1));
    assertEquals(CommandError.UNKNOWN, CommandError.fromCode(Integer.MAX_VALUE));
  }

  @Test
  void undocumentedCodeIsAFailureOfUnknownKind() {
    ds.answerJson("{\"error\":42}");
    CommandServiceException e =
        assertThrows(CommandServiceException.class, () -> commands.meta("k", "T.docx"));
    assertEquals(CommandError.UNKNOWN, e.error());
    assertEquals(42, e.code());
  }

  @Test
  void dropNamesTheUsers() {
    ds.answerJson("{\"error\":0,\"key\":\"k-1\"}");
    commands.drop("k-1", List.of("u1", "u2"));
    JsonObject body = body();
    assertEquals("drop", body.getString("c"));
    assertEquals(
        List.of("u1", "u2"),
        body.getJsonArray("users").getValuesAs(jakarta.json.JsonString::getString));
    assertThrows(IllegalArgumentException.class, () -> commands.drop("k-1", List.of()));
    assertEquals(1, ds.received().size());
  }

  @Test
  void dropAllSendsNoUserList() {
    ds.answerJson("{\"error\":0,\"key\":\"k-1\"}");
    commands.dropAll("k-1");
    assertFalse(body().containsKey("users"));
  }

  @Test
  void infoReturnsTheUsersInTheSession() {
    ds.answerJson("{\"error\":0,\"key\":\"k-1\",\"users\":[\"u1\",\"u2\"]}");
    assertEquals(List.of("u1", "u2"), commands.info("k-1", Optional.of("ping")));
    assertEquals("ping", body().getString("userdata"));
  }

  @Test
  void metaCarriesTheNewTitle() {
    ds.answerJson("{\"error\":0,\"key\":\"k-1\"}");
    commands.meta("k-1", "Renamed report.docx");
    assertEquals("Renamed report.docx", body().getJsonObject("meta").getString("title"));
    Map<String, Object> claims = clients.jwt.verify(body().getString("token"));
    assertEquals(Map.of("title", "Renamed report.docx"), claims.get("meta"));
  }

  @Test
  void versionIsAskedWithoutShardKey() {
    ds.answerJson("{\"error\":0,\"version\":\"9.0.3.1\"}");
    assertEquals("9.0.3.1", commands.version());
    assertNull(ds.last().uri().getQuery());
    assertEquals("version", body().getString("c"));
    assertFalse(body().containsKey("key"));
  }

  @Test
  void licenseReportsServerAndQuota() {
    ds.answerJson(
        "{\"error\":0,\"license\":{\"trial\":false,\"end_date\":\"2036-01-01\"},"
            + "\"server\":{\"resultType\":3,\"packageType\":0,\"buildDate\":\"2026-01-01\","
            + "\"buildVersion\":\"9.0.0\",\"buildNumber\":12},"
            + "\"quota\":{\"users\":[{\"userid\":\"u1\"}],\"users_view\":[]}}");
    DocumentServerLicense license = commands.license();
    assertFalse(license.license().getBoolean("trial"));
    assertEquals(3, license.server().resultType());
    assertEquals(0, license.server().packageType());
    assertEquals("9.0.0", license.server().buildVersion());
    assertEquals(12, license.server().buildNumber());
    assertEquals(1, license.quota().getJsonArray("users").size());
  }

  @Test
  void forgottenFilesCanBeListedFetchedAndDeleted() {
    ds.answerJson(
        "{\"error\":0,\"keys\":[\"k-1\",\"k-2\"]}",
        "{\"error\":0,\"key\":\"k-1\",\"url\":\"http://127.0.0.1:1/cache/k-1/output.docx\"}",
        "{\"error\":0,\"key\":\"k-1\"}");
    assertEquals(List.of("k-1", "k-2"), commands.forgottenList());
    assertEquals("getForgottenList", body().getString("c"));
    ForgottenFile file = commands.forgotten("k-1");
    assertEquals(URI.create("http://127.0.0.1:1/cache/k-1/output.docx"), file.url());
    assertEquals("getForgotten", body().getString("c"));
    commands.deleteForgotten("k-1");
    assertEquals("deleteForgotten", body().getString("c"));
    assertEquals("shardkey=k-1", ds.last().uri().getQuery());
  }

  @Test
  void httpErrorIsADocumentServerFailure() {
    ds.answer(
        new FakeDocumentServer.Reply(
            502, "text/plain", "bad gateway".getBytes(StandardCharsets.UTF_8), 0));
    DocumentServerException e =
        assertThrows(DocumentServerException.class, () -> commands.version());
    assertFalse(e instanceof CommandServiceException);
  }

  @Test
  void answerThatIsNotJsonIsADocumentServerFailure() {
    ds.answer(
        new FakeDocumentServer.Reply(
            200, "text/html", "<html>proxy login</html>".getBytes(StandardCharsets.UTF_8), 0));
    assertThrows(DocumentServerException.class, () -> commands.version());
  }

  @Test
  void answerWithoutErrorCodeIsADocumentServerFailure() {
    ds.answerJson("{\"version\":\"9\"}");
    DocumentServerException e =
        assertThrows(DocumentServerException.class, () -> commands.version());
    assertFalse(e instanceof CommandServiceException);
  }

  @Test
  void documentServerOutsideTheAllowListIsNeverCalled() throws Exception {
    CommandServiceClient refused =
        new Clients(ds, Map.of("officebridge.ds.allowed-addresses", "10.9.9.9"), Clock.systemUTC())
            .commands();
    DocumentServerException e = assertThrows(DocumentServerException.class, refused::version);
    assertInstanceOf(ForbiddenUrlException.class, e.getCause());
    assertTrue(ds.received().isEmpty());
  }
}
