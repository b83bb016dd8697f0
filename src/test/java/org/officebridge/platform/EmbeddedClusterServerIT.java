package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.Deployments;
import org.officebridge.testing.Http;
import org.officebridge.testing.ServerUnderTest;

/**
 * With {@code cluster.mode=embedded} the WAR starts its Hazelcast member on the real server (on
 * WildFly that needs the {@code jdk.unsupported} module, which the WAR's {@code
 * jboss-deployment-structure.xml} adds; on Payara the WAR uses Payara's own Hazelcast classes),
 * binds it to 127.0.0.1, and (checked on WildFly, where undeploying leaves the server running)
 * releases it when undeployed.
 */
@ArquillianTest
@RunAsClient
class EmbeddedClusterServerIT {

  @Deployment(name = "clustered", managed = false, testable = false)
  static WebArchive clustered() {
    return Deployments.demo();
  }

  @ArquillianResource Deployer deployer;
  private final Http http = new Http();

  @Test
  void anEmbeddedMemberRunsOnLoopbackWhileDeployedAndStopsWithTheApplication() throws Exception {
    int clusterPort = freePort();
    try (AutoCloseable restore =
        ServerUnderTest.withExtraSettings(
            "officebridge.cluster.mode=embedded",
            "officebridge.cluster.name=officebridge-it-" + UUID.randomUUID(),
            "officebridge.cluster.port=" + clusterPort)) {
      deployer.deploy("clustered");
      try {
        URI ready =
            URI.create(
                "http://127.0.0.1:"
                    + Integer.getInteger("it.server.port", 18080)
                    + "/officebridge/api/health/ready");
        HttpResponse<String> r = http.get(ready);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"mode\":\"embedded\""), r.body());
        assertTrue(r.body().contains("\"members\":1"), r.body());
        assertTrue(isTaken(clusterPort), "the member listens on 127.0.0.1:" + clusterPort);
      } finally {
        deployer.undeploy("clustered");
      }
    }
    if (!ServerUnderTest.name().equals("wildfly")) {
      return; // Payara Micro's adapter undeploys by ending the whole server process, later
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (isTaken(clusterPort) && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
    }
    assertTrue(!isTaken(clusterPort), "the member stopped with the application");
  }

  private static boolean isTaken(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
