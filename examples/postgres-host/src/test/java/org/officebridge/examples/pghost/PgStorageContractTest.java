package org.officebridge.examples.pghost;

import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionHistory;
import org.officebridge.spi.contract.DocumentStoreContract;
import org.officebridge.spi.contract.SessionStoreContract;
import org.officebridge.spi.contract.VersionHistoryContract;

/**
 * The PostgreSQL host passes the SPI contract tests, each test on emptied tables (including the 2
 * GiB version streamed through a bounded heap and the racing saves).
 */
class PgStorageContractTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static final User OWNER = User.of("olivia", "Olivia Owner", Locale.ENGLISH);

  @Nested
  class Documents extends DocumentStoreContract {
    private final PgDocumentStore store = new PgDocumentStore(PG.dataSource());

    @Override
    protected DocumentStore store() {
      return store;
    }

    @Override
    protected User author() {
      return OWNER;
    }
  }

  @Nested
  class Versions extends VersionHistoryContract {
    private final PgDocumentStore store = new PgDocumentStore(PG.dataSource());
    private final PgVersionHistory history = new PgVersionHistory(PG.dataSource());

    @Override
    protected DocumentStore store() {
      return store;
    }

    @Override
    protected VersionHistory history() {
      return history;
    }

    @Override
    protected User author() {
      return OWNER;
    }
  }

  @Nested
  class Sessions extends SessionStoreContract {
    private final PgSessionStore store = new PgSessionStore(PG.dataSource());

    @Override
    protected SessionStore store() {
      return store;
    }
  }
}
