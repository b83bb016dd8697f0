package org.officebridge.platform;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.officebridge.testing.PayaraCluster;

/**
 * The two-node scenario with the connector's embedded Hazelcast member in each Payara Micro node
 * (Payara's own grid off): what a WildFly cluster runs too.
 */
@EnabledIfSystemProperty(
    named = "it.server",
    matches = "payara",
    disabledReason = "runs two Payara Micro processes itself")
class TwoNodeClusterServerIT extends TwoNodeClusterScenario {

  @Override
  PayaraCluster.Mode mode() {
    return PayaraCluster.Mode.EMBEDDED;
  }
}
