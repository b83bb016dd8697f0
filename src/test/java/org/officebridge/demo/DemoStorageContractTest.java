package org.officebridge.demo;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.User;
import org.officebridge.spi.contract.DocumentStoreContract;
import org.officebridge.spi.contract.VersionHistoryContract;

/** The demo DMS passes the SPI contract tests. */
class DemoStorageContractTest {

  private static User owner() {
    return DemoUsers.Role.OWNER.user();
  }

  @Nested
  class Documents extends DocumentStoreContract {
    @TempDir Path dir;
    private DemoStorage storage;

    @Override
    protected DocumentStore store() {
      if (storage == null) {
        storage = DemoStorage.open(dir, Clock.systemUTC());
      }
      return storage;
    }

    @Override
    protected User author() {
      return owner();
    }
  }

  @Nested
  class Versions extends VersionHistoryContract {
    @TempDir Path dir;
    private DemoStorage storage;

    @Override
    protected DocumentStore store() {
      return history();
    }

    @Override
    protected DemoStorage history() {
      if (storage == null) {
        storage = DemoStorage.open(dir, Clock.systemUTC());
      }
      return storage;
    }

    @Override
    protected User author() {
      return owner();
    }
  }
}
