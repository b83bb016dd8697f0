package org.officebridge.examples.pghost;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.opentest4j.TestAbortedException;

/**
 * Gives a test class the throw-away PostgreSQL (one per test run, started on first use and stopped
 * when the run ends) with the host's schema, and empties every table before each test, so that each
 * test starts with a fresh, empty host.
 *
 * <p>When PostgreSQL is not installed, the tests fail saying so, or, with {@code
 * -Dpghost.skip-without-postgres=true}, are skipped with that reason.
 */
final class PostgresExtension
    implements BeforeAllCallback, TestInstancePreConstructCallback, BeforeEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PostgresExtension.class);

  private static final String TABLES =
      "documents, versions, blobs, blob_chunks, document_grants, favorites, users, groups,"
          + " group_members, folders, editing_sessions, processed_markers";

  private PostgresServer server;
  private TestAbortedException skipped;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    try {
      server =
          context
              .getRoot()
              .getStore(NAMESPACE)
              .getOrComputeIfAbsent(PostgresServer.class, k -> startServer(), PostgresServer.class);
    } catch (TestAbortedException e) {
      skipped = e; // reported on each test, so that they count as skipped
      return;
    }
    new PgHostDatabase(server.dataSource()).migrate();
  }

  /** Skips each test before its instance (which asks for the data source) is built. */
  @Override
  public void preConstructTestInstance(
      TestInstanceFactoryContext factoryContext, ExtensionContext context) {
    if (skipped != null) {
      throw new TestAbortedException(skipped.getMessage());
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("TRUNCATE " + TABLES + " RESTART IDENTITY CASCADE");
    }
  }

  /**
   * @return an unpooled data source on the test database
   */
  DataSource dataSource() {
    return server.dataSource();
  }

  /**
   * @return the running server
   */
  PostgresServer server() {
    return server;
  }

  private static PostgresServer startServer() {
    Optional<String> configured =
        Optional.ofNullable(System.getProperty("pghost.postgres-bin")).filter(s -> !s.isBlank());
    Optional<Path> bin = PostgresServer.findBinaries(configured);
    if (bin.isEmpty()) {
      String reason =
          "PostgreSQL server binaries (initdb, pg_ctl) not found in "
              + configured.orElse("/usr/lib/postgresql/*/bin or on the PATH")
              + ": install Debian's package (apt-get install -y postgresql),"
              + " set -Dpghost.postgres-bin=<dir>, or skip these tests with"
              + " -Dpghost.skip-without-postgres=true";
      if (Boolean.getBoolean("pghost.skip-without-postgres")) {
        throw new TestAbortedException(reason);
      }
      throw new IllegalStateException(reason);
    }
    Path dataDir = Path.of(System.getProperty("pghost.pgdata", "target/pgdata")).toAbsolutePath();
    try {
      return PostgresServer.start(bin.get(), dataDir);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "cannot start the test PostgreSQL in "
              + dataDir
              + " (as root, the postgres user must be able to reach it; -Dpghost.pgdata=<dir>"
              + " puts it elsewhere): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the test PostgreSQL", e);
    }
  }
}
