package org.officebridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.officebridge.config.ClusterJoin;
import org.officebridge.config.ClusterMode;
import org.officebridge.config.Settings;

/**
 * The embedded member's two other ways of finding the others, {@code cluster.join=multicast} and
 * {@code cluster.join=kubernetes} (Hazelcast's DNS lookup of a headless service), each with two
 * members that share an entry once they have found each other.
 *
 * <p>Multicast leaves the machine unless the network says otherwise, and the Kubernetes service
 * name must resolve to the members, so {@code bin/run-tests} runs this class in a namespace of its
 * own (user, network and mount) whose only interface is loopback with multicast routed to it, and
 * whose {@code /etc/hosts} maps {@value #SERVICE} to 127.0.0.1 and 127.0.0.2. Everywhere else it is
 * reported as skipped.
 */
@EnabledIfSystemProperty(
    named = "officebridge.test.isolated-network",
    matches = "true",
    disabledReason =
        "needs bin/run-tests' loopback-only network namespace (multicast routed to lo, the"
            + " Kubernetes service name in its /etc/hosts): -Dofficebridge.test.isolated-network=true"
            + " there")
class IsolatedNetworkDiscoveryTest {

  /** The headless service's DNS name that the namespace's hosts file resolves. */
  static final String SERVICE = "officebridge-hz.dms.svc.cluster.local";

  @Test
  void membersFindEachOtherByMulticastOnLoopback() throws Exception {
    String name = "officebridge-mc-" + UUID.randomUUID();
    List<Settings.Cluster> members =
        List.of(
            member(name, ClusterJoin.MULTICAST, List.of(), "127.0.0.1", TestGrid.freePort()),
            member(name, ClusterJoin.MULTICAST, List.of(), "127.0.0.1", TestGrid.freePort()));
    try (TestGrid grid = TestGrid.start(members)) {
      assertSharing(grid);
    }
  }

  @Test
  void membersFindEachOtherThroughTheKubernetesServiceName() throws Exception {
    List<InetAddress> resolved = List.of(InetAddress.getAllByName(SERVICE));
    assertEquals(2, resolved.size(), "the namespace's hosts file: " + resolved);
    String name = "officebridge-k8s-" + UUID.randomUUID();
    // DNS lookup mode uses one port for every endpoint, so the members differ by address
    int port = TestGrid.freePort();
    List<Settings.Cluster> members =
        List.of(
            member(name, ClusterJoin.KUBERNETES, List.of(SERVICE), "127.0.0.1", port),
            member(name, ClusterJoin.KUBERNETES, List.of(SERVICE), "127.0.0.2", port));
    try (TestGrid grid = TestGrid.start(members)) {
      assertSharing(grid);
      assertEquals("127.0.0.2:" + port, grid.address(1));
    }
  }

  private static Settings.Cluster member(
      String name, ClusterJoin join, List<String> members, String address, int port) {
    return new Settings.Cluster(ClusterMode.EMBEDDED, name, join, members, address, port, 1);
  }

  /** Both members see two, and what one stores the other reads. */
  private static void assertSharing(TestGrid grid) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)
        && (grid.member(0).getCluster().getMembers().size() < 2
            || grid.member(1).getCluster().getMembers().size() < 2)) {
      Thread.sleep(200);
    }
    assertEquals(2, grid.member(0).getCluster().getMembers().size(), "member 0 found member 1");
    assertEquals(2, grid.member(1).getCluster().getMembers().size(), "member 1 found member 0");
    Instant now = Instant.now();
    grid.sharedCache(0).put("found", "each other", now, now.plusSeconds(60));
    assertTrue(
        grid.sharedCache(1).get("found", now).map(e -> e.text().equals("each other")).orElse(false),
        "member 1 reads what member 0 stored");
  }
}
