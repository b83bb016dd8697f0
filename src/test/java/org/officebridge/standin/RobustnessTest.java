package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.session.OpenOutcome;

class RobustnessTest {

  @Test
  void refusesRequestBodiesOverTheLimit() throws Exception {
    try (RunningStandIn ds = StandIn.builder().maxRequestBytes(1024).start()) {
      String big = "{\"c\":\"version\",\"pad\":\"" + "x".repeat(2048) + "\"}";
      assertEquals(413, StandInHttp.post(ds.baseUrl().resolve("/command"), big).statusCode());
      assertEquals(
          0L,
          StandInHttp.postJson(ds.baseUrl().resolve("/command"), Map.of("c", "version"))
              .get("error"));
    }
  }

  @Test
  void answersUnknownPathsAndMethodsLikeAServer() throws Exception {
    try (RunningStandIn ds = StandIn.builder().start()) {
      assertEquals(404, StandInHttp.get(ds.baseUrl().resolve("/nothing")).statusCode());
      assertEquals(405, StandInHttp.get(ds.baseUrl().resolve("/command")).statusCode());
    }
  }

  @Test
  void refusesDocumentsOverTheDownloadLimit() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds = StandIn.builder().maxDownloadBytes(100).start()) {
      URI url = dms.serve("/files/big.txt", new byte[500]);
      OpenOutcome o =
          ds.openEditor(TestConfigs.config("big", url, "txt", dms.callbackUrl("u"), "u", "U"));
      assertEquals(-4, o.error().orElseThrow().kind().errorCode());
      assertTrue(ds.downloads().get(0).outcome().startsWith("TOO_LARGE"));
    }
  }

  @Test
  void onlyCallsLoopbackAddressesByDefault() throws Exception {
    try (RunningStandIn ds = StandIn.builder().start()) {
      OpenOutcome o =
          ds.openEditor(
              TestConfigs.config(
                  "remote",
                  URI.create("http://192.0.2.1/a.docx"),
                  "docx",
                  URI.create("http://192.0.2.1/cb"),
                  "u",
                  "U"));
      assertEquals(-4, o.error().orElseThrow().kind().errorCode());
      assertTrue(ds.downloads().get(0).outcome().startsWith("REFUSED"));
    }
  }

  @Test
  void viewModeWhenEditingIsNotPermittedAndNoCallbacksForViewers() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds = StandIn.builder().callbackDelay(Duration.ofMillis(20)).start()) {
      URI url = dms.serveDocument("/files/v.docx", "docx", List.of("V"));
      Map<String, Object> config =
          TestConfigs.config("view", url, "docx", dms.callbackUrl("u"), "u", "U");
      @SuppressWarnings("unchecked")
      Map<String, Object> doc = (Map<String, Object>) config.get("document");
      doc.put("permissions", Map.of("edit", false));
      OpenOutcome o = ds.openEditor(config);
      assertEquals("view", o.connection().orElseThrow().mode().code());
      ds.leave("view", "u");
      Thread.sleep(200);
      assertTrue(ds.callbacks().all().isEmpty());
      assertTrue(dms.callbacks().isEmpty());
    }
  }

  @Test
  void readsDurationsLikeAPerson() {
    assertEquals(Duration.ofMillis(500), StandInMain.parseDuration("500ms"));
    assertEquals(Duration.ofSeconds(2), StandInMain.parseDuration("2s"));
    assertEquals(Duration.ofMillis(1500), StandInMain.parseDuration("1.5s"));
    assertEquals(Duration.ofSeconds(10), StandInMain.parseDuration("PT10S"));
    assertEquals(Duration.ofMillis(250), StandInMain.parseDuration("250"));
  }
}
