package org.officebridge.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.officebridge.config.ClusterJoin;
import org.officebridge.config.ClusterMode;
import org.officebridge.config.Settings;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.contract.SessionStoreContract;

/**
 * {@code cluster.mode=client}: the store through a Hazelcast client passes the SPI contract against
 * a member that has none of the connector's classes in play (values are strings and longs).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientSessionStoreContractTest extends SessionStoreContract {

  private TestGrid grid;
  private HazelcastInstance client;
  private SessionStore store;

  @BeforeAll
  void connect() throws Exception {
    grid = TestGrid.start(1, 1);
    Settings.Cluster settings =
        new Settings.Cluster(
            ClusterMode.CLIENT,
            grid.name(),
            ClusterJoin.TCP_IP,
            List.of(grid.address(0)),
            "127.0.0.1",
            5701,
            1);
    ClassLoader loader = getClass().getClassLoader();
    client = HazelcastFactory.startClient(settings, loader);
    HazelcastFactory.Caches caches = HazelcastFactory.openCaches(client, true, false);
    store = new HazelcastSessionStore(caches.sessions(), caches.processed());
  }

  @AfterAll
  void disconnect() {
    client.shutdown();
    grid.close();
  }

  @Override
  protected SessionStore store() {
    return store;
  }
}
