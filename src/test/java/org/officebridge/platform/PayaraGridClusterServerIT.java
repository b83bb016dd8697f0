package org.officebridge.platform;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.officebridge.testing.PayaraCluster;

/**
 * The two-node scenario with {@code cluster.mode=payara}: the connector's state lives in Payara
 * Micro's own data grid, pinned to 127.0.0.1 by a TCP/IP member list and the loopback interface.
 * {@code bin/run-tests} runs it in a network namespace of its own that has nothing but loopback, so
 * that even a wrong grid setting could not reach another address.
 */
@EnabledIfSystemProperty(
    named = "it.payara.grid",
    matches = "true",
    disabledReason =
        "turns Payara's data grid on; bin/run-tests runs it in its own loopback-only network"
            + " namespace (bin/loopback-namespace, -Dit.payara.grid=true)")
class PayaraGridClusterServerIT extends TwoNodeClusterScenario {

  @Override
  PayaraCluster.Mode mode() {
    return PayaraCluster.Mode.PAYARA_GRID;
  }
}
