package org.officebridge.examples.pghost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.officebridge.spi.HostUnavailableException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The host's database: where connections come from, and the schema, applied once before the first
 * connection is handed out. The SPI classes built by their no-argument constructors (CDI and
 * ServiceLoader) share {@link #shared()}, configured by {@link PgHostSettings#fromRuntime()} on
 * first use; tests and embedding code pass a {@link DataSource} instead.
 */
final class PgHostDatabase {

  private static final Logger LOG = Logger.getLogger(PgHostDatabase.class.getName());

  /** The schema scripts, in order: script i brings the schema to version i + 1. */
  private static final List<String> SCRIPTS = List.of("schema.sql", "schema-2.sql");

  /** Serializes schema changes of concurrently starting nodes: "obpghost" in ASCII. */
  private static final long MIGRATION_LOCK = 0x6f627067686f7374L;

  private static final Object SHARED_LOCK = new Object();
  private static PgHostSettings sharedSettings;
  private static PgHostDatabase shared;

  private final Supplier<DataSource> source;
  private DataSource dataSource;
  private volatile boolean migrated;

  /**
   * @param dataSource where connections come from
   */
  PgHostDatabase(DataSource dataSource) {
    this.source = () -> dataSource;
  }

  private PgHostDatabase(Supplier<DataSource> source) {
    this.source = source;
  }

  /**
   * @return the database of this deployment, configured from the runtime settings on first use
   */
  static PgHostDatabase shared() {
    synchronized (SHARED_LOCK) {
      if (shared == null) {
        shared = new PgHostDatabase(() -> dataSourceFor(runtimeSettings()));
      }
      return shared;
    }
  }

  /**
   * @return the settings of this deployment, read once
   * @throws IllegalStateException when a setting is invalid (again on every call until fixed)
   */
  static PgHostSettings runtimeSettings() {
    synchronized (SHARED_LOCK) {
      if (sharedSettings == null) {
        sharedSettings = PgHostSettings.fromRuntime();
        LOG.info(() -> "event=pghost-settings " + sharedSettings);
      }
      return sharedSettings;
    }
  }

  /**
   * @param settings the host's settings
   * @return the container's data source they name, or an unpooled one over the JDBC URL
   */
  static DataSource dataSourceFor(PgHostSettings settings) {
    if (settings.dataSourceName().isPresent()) {
      try {
        return (DataSource) new InitialContext().lookup(settings.dataSourceName().get());
      } catch (NamingException | ClassCastException e) {
        throw new IllegalStateException(
            "no data source " + settings.dataSourceName().get() + " in JNDI", e);
      }
    }
    PGSimpleDataSource simple = new PGSimpleDataSource();
    simple.setURL(settings.jdbcUrl().orElseThrow());
    settings.user().ifPresent(simple::setUser);
    settings.password().ifPresent(simple::setPassword);
    simple.setApplicationName("officebridge-pghost");
    return simple;
  }

  /**
   * Hands out a connection in auto-commit mode; the caller closes it.
   *
   * @return a connection to the host's schema, applied
   * @throws HostUnavailableException when the database cannot be reached
   */
  Connection connection() throws HostUnavailableException {
    try {
      if (!migrated) {
        migrate();
      }
      return dataSource().getConnection();
    } catch (SQLException e) {
      throw PgErrors.failure("connect to the database", e);
    }
  }

  /**
   * Applies the schema scripts the database lacks, in one transaction under an advisory lock, so
   * that nodes starting together apply each script once.
   *
   * @throws SQLException when the database cannot be reached or a script fails
   */
  void migrate() throws SQLException {
    synchronized (this) {
      if (migrated) {
        return;
      }
      try (Connection c = dataSource().getConnection();
          Transaction tx = Transaction.begin(c);
          Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
        int version = schemaVersion(s);
        for (int i = version; i < SCRIPTS.size(); i++) {
          s.execute(script(SCRIPTS.get(i)));
          int applied = i + 1;
          LOG.info(() -> "event=pghost-schema applied=" + applied);
        }
        tx.commit();
      }
      migrated = true;
    }
  }

  private static int schemaVersion(Statement s) throws SQLException {
    try (ResultSet r = s.executeQuery("SELECT to_regclass('pghost_schema') IS NOT NULL")) {
      r.next();
      if (!r.getBoolean(1)) {
        return 0;
      }
    }
    try (ResultSet r = s.executeQuery("SELECT coalesce(max(version), 0) FROM pghost_schema")) {
      r.next();
      return r.getInt(1);
    }
  }

  static String script(String name) {
    try (InputStream in = PgHostDatabase.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("schema script " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema script " + name, e);
    }
  }

  private synchronized DataSource dataSource() {
    if (dataSource == null) {
      dataSource = source.get();
    }
    return dataSource;
  }
}
