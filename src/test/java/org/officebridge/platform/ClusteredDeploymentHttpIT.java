package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.Http;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * The demo WAR with {@code cluster.mode=embedded} starts its Hazelcast member at deployment, on
 * 127.0.0.1 only, and reports it in its readiness. (Two nodes run as two Payara Micro processes in
 * {@code TwoNodeClusterServerIT}: one JVM cannot hold two Weld web applications.)
 */
class ClusteredDeploymentHttpIT {

  private final Http http = new Http();

  @Test
  void anEmbeddedNodeStartsItsMemberAtDeploymentAndReportsIt() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    int clusterPort = freePort();
    Map<String, String> settings = TestSettings.forInProcess("http://127.0.0.1:9", data);
    settings.put("officebridge.cluster.mode", "embedded");
    settings.put("officebridge.cluster.name", "officebridge-it-" + UUID.randomUUID());
    settings.put("officebridge.cluster.port", String.valueOf(clusterPort));
    try (InProcessServer node = InProcessServer.start(InProcessServer.demoWar(), settings)) {
      HttpResponse<String> ready = http.get(node.url("api/health/ready"));
      assertEquals(200, ready.statusCode(), ready.body());
      assertTrue(ready.body().contains("\"mode\":\"embedded\""), ready.body());
      assertTrue(ready.body().contains("\"members\":1"), ready.body());
      try (ServerSocket taken =
          new ServerSocket(clusterPort, 1, InetAddress.getLoopbackAddress())) {
        throw new AssertionError("the member is not listening on 127.0.0.1:" + clusterPort);
      } catch (IOException expected) {
        // the member holds the port
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
