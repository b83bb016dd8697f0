package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.ConnectorLinks;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.DocumentServerDouble;
import org.officebridge.testing.Http;
import org.officebridge.testing.PayaraCluster;
import org.officebridge.testing.ProcessSockets;
import org.officebridge.testing.ServerUnderTest;
import org.officebridge.testing.WopiTestClient;

/**
 * Two nodes of the demo WAR as two Payara Micro processes on 127.0.0.1, sharing state through
 * Hazelcast with an explicit member list (whose member: the subclass says), and the Document Server
 * calling both nodes: a callback replayed on node B after node A stored it stores nothing; a WOPI
 * lock taken through node A holds on node B; node A dies in the middle of the session, and the
 * session completes through node B with no edit lost. Each node's sockets are checked to be on
 * loopback only.
 */
abstract class TwoNodeClusterScenario {

  private static final int BASE = Integer.getInteger("it.server.port", 18180);
  private final Http http = new Http();

  /**
   * @return how the nodes share their state
   */
  abstract PayaraCluster.Mode mode();

  @Test
  void aSessionStartedOnOneNodeCompletesOnTheOtherAfterTheFirstDies() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "cluster-demo-data-");
    List<Integer> clusterPorts = List.of(BASE + 4, BASE + 5);
    try (RunningStandIn ds =
            StandIn.builder().port(ServerUnderTest.standInPort()).jwtSecret(jwtSecret()).start();
        PayaraCluster cluster =
            PayaraCluster.start(
                mode(),
                Path.of(
                    System.getProperty(
                        "officebridge.test.demo-war", "target/officebridge-demo.war")),
                List.of(BASE + 2, BASE + 3),
                clusterPorts,
                data)) {
      URI nodeA = cluster.url(0, "");
      URI nodeB = cluster.url(1, "");
      assertTrue(awaitReady(nodeA, b -> b.contains("\"members\":2")), "A sees both members");
      assertTrue(awaitReady(nodeB, b -> b.contains("\"members\":2")), "B sees both members");
      for (int i = 0; i < 2; i++) {
        assertOnLoopbackOnly(cluster.node(i).pid(), clusterPorts.get(i));
      }

      replayedCallbackStoresNothing(nodeA, nodeB, data);

      WopiTestClient wopi = new WopiTestClient(ds);
      String doc = firstDocument(nodeA);
      WopiTestClient.Opened file = wopi.open(nodeA, "owner", doc);
      URI onA = file.on(nodeA);
      URI onB = file.on(nodeB);
      String token = file.token();

      assertEquals(200, wopi.call(onA, token, false, "LOCK", "lock-A", null).statusCode());
      HttpResponse<String> stolen = wopi.call(onB, token, false, "LOCK", "lock-B", null);
      assertEquals(409, stolen.statusCode(), "node B refuses a second lock");
      assertEquals("lock-A", stolen.headers().firstValue("X-WOPI-Lock").orElse(""));
      assertEquals(200, wopi.call(onB, token, false, "REFRESH_LOCK", "lock-A", null).statusCode());

      byte[] first = "first edit, saved through node A".getBytes(StandardCharsets.UTF_8);
      assertEquals(
          200,
          wopi.call(onA, token, true, "PUT", "lock-A", first, intermediate()).statusCode(),
          "an autosave through node A");

      cluster.node(0).kill();

      byte[] last = "last edit, saved through node B".getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> saved =
          wopi.call(
              onB, token, true, "PUT", "lock-A", last, Map.of("X-LOOL-WOPI-IsExitSave", "true"));
      assertEquals(200, saved.statusCode(), "node B still knows the lock: " + saved.body());
      assertEquals(200, wopi.call(onB, token, false, "UNLOCK", "lock-A", null).statusCode());
      URI contents = WopiTestClient.url(onB, token, true);
      HttpResponse<byte[]> content =
          http.client()
              .send(
                  HttpRequest.newBuilder(contents)
                      .headers(headers(wopi.proofHeaders(contents, token)))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, content.statusCode());
      assertArrayEquals(last, content.body(), "the last edit is the document");
      assertTrue(
          awaitReady(nodeB, b -> b.contains("\"members\":1")), "B noticed A's death, stays ready");
    }
  }

  /**
   * The node's Hazelcast member listens on its port, and every socket of the node listens on or
   * talks to 127.0.0.1 only; no UDP socket is open (multicast discovery would need one).
   */
  private void assertOnLoopbackOnly(long pid, int clusterPort) throws Exception {
    List<ProcessSockets.Socket> sockets = ProcessSockets.of(pid);
    assertTrue(
        sockets.stream().anyMatch(s -> s.listening() && s.localPort() == clusterPort),
        "the member listens on " + clusterPort + ": " + sockets);
    assertEquals(
        List.of(),
        sockets.stream().filter(s -> !s.loopbackOnly() || s.protocol().equals("udp")).toList(),
        "sockets off loopback, or UDP");
  }

  /**
   * A final save (callback status 2) through node A stores a version; the Document Server's retry
   * of the same callback, sent to node B, is recognised as a replay and stores nothing.
   */
  private void replayedCallbackStoresNothing(URI nodeA, URI nodeB, Path data) throws Exception {
    Properties settings = itSettings();
    DemoDms dms = new DemoDms(nodeA, data);
    DemoDms.Document doc =
        dms.upload("cluster-callback", "docx", "before".getBytes(StandardCharsets.UTF_8));
    String key = "it-" + doc.id() + "-" + doc.version();
    byte[] saved = "saved through node A".getBytes(StandardCharsets.UTF_8);
    try (DocumentServerDouble docs =
        DocumentServerDouble.start("127.0.0.1", settings.getProperty("officebridge.jwt.secret"))) {
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("key", key);
      claims.put("status", 2);
      claims.put("users", List.of("owner"));
      claims.put("url", docs.serve("saved", DocumentServerDouble.bytes(saved)));
      claims.put("filetype", "docx");
      String link = settings.getProperty("officebridge.link.secret");
      String onA =
          new ConnectorLinks(nodeA.toString(), link).callbackUrl(doc.id(), key, doc.version());
      String onB =
          new ConnectorLinks(nodeB.toString(), link).callbackUrl(doc.id(), key, doc.version());
      HttpResponse<String> first = docs.callback(onA, claims, DocumentServerDouble.Placement.BOTH);
      assertEquals("{\"error\":0}", first.body(), "node A stores the save");
      assertEquals(2, dms.versions(doc.id()).size());
      HttpResponse<String> replay = docs.callback(onB, claims, DocumentServerDouble.Placement.BOTH);
      assertEquals("{\"error\":0}", replay.body(), "node B acknowledges the replay");
      assertEquals(2, dms.versions(doc.id()).size(), "the replay through node B stored nothing");
      assertEquals(1, docs.downloads("saved"), "node B did not even download it again");
    }
  }

  private static Map<String, String> intermediate() {
    return Map.of("X-LOOL-WOPI-IsAutosave", "true", "X-LOOL-WOPI-IsExitSave", "false");
  }

  private static String[] headers(Map<String, String> map) {
    return map.entrySet().stream()
        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
        .toArray(String[]::new);
  }

  private String firstDocument(URI node) throws Exception {
    HttpResponse<String> index = http.get(node);
    Matcher m = Pattern.compile("<tr data-doc-id=\"([^\"]+)\"").matcher(index.body());
    assertTrue(m.find(), index.body());
    return m.group(1);
  }

  private static String jwtSecret() throws Exception {
    return itSettings().getProperty("officebridge.jwt.secret");
  }

  private static Properties itSettings() throws Exception {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(ServerUnderTest.settingsFile())) {
      p.load(r);
    }
    return p;
  }

  private boolean awaitReady(URI node, Predicate<String> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = http.get(node.resolve("api/health/ready"));
      if (r.statusCode() == 200 && condition.test(r.body())) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }
}
