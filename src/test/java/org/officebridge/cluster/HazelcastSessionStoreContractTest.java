package org.officebridge.cluster;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.contract.SessionStoreContract;

/** The Hazelcast session store on a single embedded member passes the SPI contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazelcastSessionStoreContractTest extends SessionStoreContract {

  private TestGrid grid;
  private SessionStore store;

  @BeforeAll
  void startMember() throws Exception {
    grid = TestGrid.start(1, 1);
    store = grid.store(0);
  }

  @AfterAll
  void stopMember() {
    grid.close();
  }

  @Override
  protected SessionStore store() {
    return store;
  }
}
