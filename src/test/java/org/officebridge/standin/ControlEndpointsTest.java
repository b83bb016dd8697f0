package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.json.Json;

class ControlEndpointsTest {

  private FakeDms dms;
  private RunningStandIn ds;

  @BeforeEach
  void start() throws Exception {
    dms = new FakeDms();
    ds =
        StandIn.builder()
            .jwtSecret(TestConfigs.SECRET)
            .callbackDelay(Duration.ofMillis(50))
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    dms.close();
  }

  private URI c(String path) {
    return ds.baseUrl().resolve("/standin/control" + path);
  }

  @Test
  void landingPageSaysWhatItIsAndLinksDiscoveryAndControls() throws Exception {
    String html = StandInHttp.getText(ds.baseUrl().resolve("/"));
    assertTrue(html.contains("not ONLYOFFICE Docs"));
    assertTrue(html.contains("/hosting/discovery") && html.contains("/standin/control"));
    assertTrue(Json.parseObject(StandInHttp.getText(c(""))).containsKey("endpoints"));
    assertEquals(true, Json.parseObject(StandInHttp.getText(c("/settings"))).get("jwtEnabled"));
  }

  @Test
  void drivesADocsApiSessionOverHttp() throws Exception {
    URI url = dms.serveDocument("/files/c.docx", "docx", List.of("C"));
    Map<String, Object> config =
        TestConfigs.signed(
            TestConfigs.config("ctl-1", url, "docx", dms.callbackUrl("u1"), "u1", "U"),
            TestConfigs.SECRET);
    assertEquals(
        true, StandInHttp.postJson(c("/open-editor"), Map.of("config", config)).get("opened"));
    StandInHttp.postJson(c("/sessions/ctl-1/join"), Map.of("userId", "u2", "userName", "Two"));
    assertTrue(
        ((String)
                StandInHttp.postJson(c("/sessions/ctl-1/edit"), Map.of("userId", "u2")).get("line"))
            .contains("Two"));
    assertEquals(
        "NOT_ENABLED",
        StandInHttp.postJson(c("/sessions/ctl-1/save"), Map.of("userId", "u2")).get("result"));
    StandInHttp.postJson(c("/fail-next-save"), Map.of("status", 3, "key", "ctl-1"));
    StandInHttp.postJson(c("/sessions/ctl-1/leave"), Map.of("userId", "u1"));
    StandInHttp.postJson(c("/sessions/ctl-1/leave"), Map.of("userId", "u2"));
    ds.callbacks().await(r -> r.status() == 3, Duration.ofSeconds(10)).orElseThrow();
    List<Object> callbacks = Json.parseArray(StandInHttp.getText(c("/callbacks?key=ctl-1")));
    assertEquals(
        List.of(1L, 1L, 1L, 3L),
        callbacks.stream().map(r -> ((Map<?, ?>) r).get("status")).toList());
    assertEquals(1, Json.parseArray(StandInHttp.getText(c("/downloads"))).size());
    assertEquals(1, Json.parseArray(StandInHttp.getText(c("/sessions"))).size());
  }

  @Test
  void refusesWithConflictOrBadRequest() throws Exception {
    assertEquals(
        409, StandInHttp.post(c("/sessions/none/edit"), "{\"userId\":\"x\"}").statusCode());
    assertEquals(400, StandInHttp.post(c("/sessions/none/edit"), "{}").statusCode());
    assertEquals(400, StandInHttp.post(c("/fail-next-save"), "{\"status\":5}").statusCode());
    assertEquals(404, StandInHttp.post(c("/nothing-here"), "{}").statusCode());
  }

  @Test
  void rotatesProofKeysOverHttp() throws Exception {
    String before = StandInHttp.getText(ds.discoveryUrl());
    StandInHttp.post(c("/proof-keys/rotate"), "");
    String after = StandInHttp.getText(ds.discoveryUrl());
    String modulus = before.replaceAll("(?s).* modulus=\"([^\"]+)\".*", "$1");
    assertTrue(after.contains("oldmodulus=\"" + modulus + "\""));
  }

  @Test
  void countsDiscoveryFetchesInJavaAndOverHttp() throws Exception {
    assertEquals(0L, ds.discoveryFetches());
    StandInHttp.getText(ds.discoveryUrl());
    StandInHttp.getText(ds.discoveryUrl());
    assertEquals(2L, ds.discoveryFetches());
    assertEquals(2L, Json.parseObject(StandInHttp.getText(c("/discovery-fetches"))).get("count"));
  }
}
