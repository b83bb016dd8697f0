package org.officebridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code cluster.*} settings: defaults, parsing and what is refused. */
class ClusterSettingsTest {

  private static Map<String, String> minimal() {
    Map<String, String> p = new HashMap<>();
    p.put("officebridge.ds.public-url", "https://docs.example.com/");
    p.put("officebridge.connector.url", "https://dms.example.com/officebridge");
    p.put("officebridge.jwt.secret", "0123456789abcdef0123456789abcdef");
    return p;
  }

  @Test
  void withoutClusterSettingsNothingIsShared() throws Exception {
    assertEquals(Settings.Cluster.none(), SettingsLoader.load(minimal(), Map.of()).cluster());
  }

  @Test
  void anEmbeddedMemberReadsItsListAddressAndProtection() throws Exception {
    Map<String, String> p = minimal();
    p.put("officebridge.cluster.mode", "embedded");
    p.put("officebridge.cluster.members", " 10.0.0.2:5701, 10.0.0.3:5701 ,");
    p.put("officebridge.cluster.address", "10.0.0.1");
    p.put("officebridge.cluster.port", "5801");
    p.put("officebridge.cluster.min-members", "2");
    Settings.Cluster c =
        SettingsLoader.load(p, Map.of("OFFICEBRIDGE_CLUSTER_NAME", "dms-prod")).cluster();
    assertEquals(ClusterMode.EMBEDDED, c.mode());
    assertEquals("dms-prod", c.name());
    assertEquals(ClusterJoin.TCP_IP, c.join());
    assertEquals(List.of("10.0.0.2:5701", "10.0.0.3:5701"), c.members());
    assertEquals("10.0.0.1", c.address());
    assertEquals(5801, c.port());
    assertEquals(2, c.minMembers());
  }

  @Test
  void badClusterSettingsAreAllReportedAtOnce() {
    Map<String, String> p = minimal();
    p.put("officebridge.cluster.mode", "hazelcast");
    p.put("officebridge.cluster.join", "gossip");
    p.put("officebridge.cluster.port", "70000");
    p.put("officebridge.cluster.min-members", "0");
    p.put("officebridge.cluster.address", "eth0");
    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(p, Map.of()));
    assertEquals(5, e.problems().size(), e.problems().toString());
    assertTrue(e.problems().get(0).contains("officebridge.cluster.mode"));
  }

  @Test
  void aClientNeedsTheClustersAddresses() {
    Map<String, String> p = minimal();
    p.put("officebridge.cluster.mode", "client");
    InvalidSettingsException e =
        assertThrows(InvalidSettingsException.class, () -> SettingsLoader.load(p, Map.of()));
    assertTrue(e.problems().get(0).contains("officebridge.cluster.members"));
  }
}
