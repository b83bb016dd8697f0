package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.officebridge.testing.Http;
import org.officebridge.testing.PayaraMicroProcess;
import org.officebridge.testing.ServerUnderTest;

/**
 * On Payara Micro, a WAR without a host or with a bad setting is not deployed, and the server's log
 * names the problem.
 */
@EnabledIfSystemProperty(
    named = "it.server",
    matches = "payara",
    disabledReason =
        "runs Payara Micro itself; WildFly is covered by MisconfiguredDeploymentServerIT")
class MisconfiguredPayaraMicroServerIT {

  private static final int PORT = Integer.getInteger("it.server.port", 18180) + 1;
  private final Http http = new Http();

  private static Map<String, String> settings() {
    Map<String, String> p = new HashMap<>();
    p.put("officebridge.config-file", ServerUnderTest.settingsFile().toString());
    p.put("officebridge.connector.url", "http://127.0.0.1:" + PORT + "/officebridge");
    p.put("officebridge.demo.data-dir", "target/payara-direct-demo-data");
    return p;
  }

  /** Starts Micro with the WAR and settings, and checks it is not served and its log says why. */
  private void assertNotDeployed(Path war, Map<String, String> settings, String... logSays)
      throws Exception {
    try (PayaraMicroProcess micro = PayaraMicroProcess.start(war, PORT, settings)) {
      String log = micro.output();
      for (String expected : logSays) {
        assertTrue(log.contains(expected), log);
      }
      URI live = URI.create("http://127.0.0.1:" + PORT + "/officebridge/api/health/live");
      assertEquals(404, http.get(live).statusCode());
    }
  }

  private static Path demoWar() {
    return Path.of(
        System.getProperty("officebridge.test.demo-war", "target/officebridge-demo.war"));
  }

  @Test
  void productionWarWithoutAHostIsNotDeployedAndTheLogNamesTheMissingParts() throws Exception {
    Path war = Path.of(System.getProperty("officebridge.test.war", "target/officebridge.war"));
    assertNotDeployed(
        war, settings(), "officebridge cannot start", "org.officebridge.spi.DocumentStore");
  }

  @Test
  void badSettingIsNotDeployedAndTheLogNamesIt() throws Exception {
    Map<String, String> settings = settings();
    settings.put("officebridge.wopi.proof-keys", "sometimes");
    assertNotDeployed(
        demoWar(), settings, "officebridge cannot start", "officebridge.wopi.proof-keys");
  }

  @Test
  void payaraClusterModeWithTheGridOffIsNotDeployedAndTheLogSaysWhy() throws Exception {
    Map<String, String> settings = settings();
    settings.put("officebridge.cluster.mode", "payara");
    // the default start: the preboot file turns Payara's data grid off
    assertNotDeployed(demoWar(), settings, "cluster.mode=payara needs Payara's data grid");
  }
}
