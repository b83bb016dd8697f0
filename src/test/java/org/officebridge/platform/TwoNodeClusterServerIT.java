package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.officebridge.testing.Http;
import org.officebridge.testing.PayaraCluster;

/**
 * Two nodes of the demo WAR as two Payara Micro processes on 127.0.0.1 (Payara's own Hazelcast
 * off), sharing state through the connector's embedded Hazelcast with an explicit member list.
 */
@EnabledIfSystemProperty(
    named = "it.server",
    matches = "payara",
    disabledReason = "runs two Payara Micro processes itself")
class TwoNodeClusterServerIT {

  private static final int BASE = Integer.getInteger("it.server.port", 18180);
  private final Http http = new Http();

  @Test
  void twoNodesFormOneClusterAndTheSurvivorCarriesOnWhenOneIsKilled() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "cluster-demo-data-");
    try (PayaraCluster cluster =
        PayaraCluster.start(
            Path.of(
                System.getProperty("officebridge.test.demo-war", "target/officebridge-demo.war")),
            List.of(BASE + 2, BASE + 3),
            List.of(BASE + 4, BASE + 5),
            data)) {
      assertTrue(
          awaitReady(cluster.url(0, "api/health/ready"), b -> b.contains("\"members\":2")),
          "node A sees both members");
      assertTrue(
          awaitReady(cluster.url(1, "api/health/ready"), b -> b.contains("\"members\":2")),
          "node B sees both members");

      cluster.node(0).kill();

      assertTrue(
          awaitReady(cluster.url(1, "api/health/ready"), b -> b.contains("\"members\":1")),
          "node B notices node A's death and stays ready");
      assertEquals(200, http.get(cluster.url(1, "api/health/live")).statusCode());
    }
  }

  private boolean awaitReady(URI ready, Predicate<String> condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> r = http.get(ready);
      if (r.statusCode() == 200 && condition.test(r.body())) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }
}
