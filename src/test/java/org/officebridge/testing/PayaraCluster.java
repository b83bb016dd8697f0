package org.officebridge.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Nodes of one WAR as separate Payara Micro processes on 127.0.0.1, sharing state through
 * Hazelcast: either the connector's embedded member ({@code cluster.mode=embedded}, Payara's own
 * grid off through the preboot file) or Payara's own data grid ({@code cluster.mode=payara}). Each
 * member binds to 127.0.0.1 and finds the others only by the explicit member list. The nodes share
 * one demo data folder, as cluster nodes share the DMS's storage.
 */
public final class PayaraCluster implements AutoCloseable {

  /** Whose Hazelcast member the nodes share their state through. */
  public enum Mode {
    /** The connector starts its own member in each node; Payara's grid is off. */
    EMBEDDED,
    /**
     * Payara's data grid, pinned to 127.0.0.1: discovery by a TCP/IP member list (never multicast),
     * the member bound to the loopback interface only ({@code hazelcast.socket.bind.any=false};
     * Hazelcast binds the wildcard address otherwise), and backups allowed on members of the same
     * address (host-aware partitioning would keep none).
     */
    PAYARA_GRID
  }

  /** Two servers starting at once on two busy cores take a while. */
  private static final Duration STARTUP = Duration.ofSeconds(240);

  private final List<PayaraMicroProcess> nodes;
  private final List<Integer> httpPorts;

  private PayaraCluster(List<PayaraMicroProcess> nodes, List<Integer> httpPorts) {
    this.nodes = nodes;
    this.httpPorts = httpPorts;
  }

  /**
   * Starts the nodes at the same time and waits until every one is ready.
   *
   * @param war the WAR every node deploys
   * @param httpPorts one HTTP port per node
   * @param clusterPorts one Hazelcast port per node
   * @param dataDir the shared demo data folder
   * @return the running nodes
   * @throws Exception when a node does not get ready
   */
  public static PayaraCluster start(
      Mode mode, Path war, List<Integer> httpPorts, List<Integer> clusterPorts, Path dataDir)
      throws Exception {
    String name = "officebridge-it-" + UUID.randomUUID();
    List<String> members = clusterPorts.stream().map(p -> "127.0.0.1:" + p).toList();
    List<CompletableFuture<PayaraMicroProcess>> starting = new ArrayList<>();
    for (int i = 0; i < httpPorts.size(); i++) {
      int http = httpPorts.get(i);
      Map<String, String> p = new HashMap<>();
      p.put("officebridge.config-file", ServerUnderTest.settingsFile().toString());
      p.put("officebridge.connector.url", "http://127.0.0.1:" + http + "/officebridge");
      p.put("officebridge.demo.data-dir", dataDir.toString());
      List<String> clustering;
      if (mode == Mode.EMBEDDED) {
        p.put("officebridge.cluster.mode", "embedded");
        p.put("officebridge.cluster.name", name);
        p.put("officebridge.cluster.address", "127.0.0.1");
        p.put("officebridge.cluster.port", String.valueOf(clusterPorts.get(i)));
        p.put("officebridge.cluster.members", String.join(",", members));
        clustering = PayaraMicroProcess.withoutGrid();
      } else {
        p.put("officebridge.cluster.mode", "payara");
        p.put("hazelcast.socket.bind.any", "false");
        clustering =
            List.of(
                "--clustername",
                name,
                "--clustermode",
                "tcpip:" + String.join(",", members),
                "--interfaces",
                "127.0.0.1",
                "--startport",
                String.valueOf(clusterPorts.get(i)),
                "--nohostaware",
                "--prebootcommandfile",
                gridPreboot().toString());
      }
      starting.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return PayaraMicroProcess.start(war, http, p, STARTUP, clustering);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }));
    }
    List<PayaraMicroProcess> nodes = new ArrayList<>();
    IllegalStateException failure = null;
    for (CompletableFuture<PayaraMicroProcess> f : starting) {
      try {
        nodes.add(f.join());
      } catch (RuntimeException e) {
        failure = failure == null ? new IllegalStateException("a node did not start", e) : failure;
      }
    }
    PayaraCluster cluster = new PayaraCluster(nodes, httpPorts);
    if (failure != null) {
      cluster.close();
      throw failure;
    }
    return cluster;
  }

  /** Only the HTTP listener's address: the grid stays on, as the options above set it. */
  private static Path gridPreboot() throws IOException {
    Path file = Path.of("target", "payara-grid-preboot.asadmin");
    Files.writeString(
        file,
        "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.address=127.0.0.1\n");
    return file;
  }

  /**
   * @param i a node index
   * @return the node's process
   */
  public PayaraMicroProcess node(int i) {
    return nodes.get(i);
  }

  /**
   * @param i a node index
   * @param path a path relative to the application
   * @return its URL on that node
   */
  public URI url(int i, String path) {
    return URI.create("http://127.0.0.1:" + httpPorts.get(i) + "/officebridge/" + path);
  }

  @Override
  public void close() throws Exception {
    for (PayaraMicroProcess node : nodes) {
      node.close();
    }
  }
}
