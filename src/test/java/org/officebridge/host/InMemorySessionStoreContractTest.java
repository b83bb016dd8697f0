package org.officebridge.host;

import org.officebridge.spi.SessionStore;
import org.officebridge.spi.contract.SessionStoreContract;

/** The connector's single-node session store passes the SPI contract. */
class InMemorySessionStoreContractTest extends SessionStoreContract {

  private final InMemorySessionStore store = new InMemorySessionStore();

  @Override
  protected SessionStore store() {
    return store;
  }
}
