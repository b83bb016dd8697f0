package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.HostUnavailableException;
import org.postgresql.ds.PGSimpleDataSource;

/** The schema is applied once, also by nodes starting together; a dead database is transient. */
class PgHostDatabaseTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static DataSource freshSchema() throws SQLException {
    String schema = "fresh_" + System.nanoTime();
    try (Connection c = PG.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(PG.server().jdbcUrl());
    ds.setUser(PostgresServer.USER);
    ds.setPassword(PG.server().password());
    ds.setCurrentSchema(schema);
    return ds;
  }

  @Test
  void nodesStartingTogetherApplyTheSchemaOnce() throws Exception {
    DataSource schema = freshSchema();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Object>> nodes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        nodes.add(
            pool.submit(
                () -> {
                  new PgHostDatabase(schema).migrate();
                  return null;
                }));
      }
      for (Future<Object> node : nodes) {
        node.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = schema.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*), max(version) FROM pghost_schema")) {
      r.next();
      assertEquals(2, r.getInt(1));
      assertEquals(2, r.getInt(2));
    }
  }

  @Test
  void theScriptCanBeRunAgainByHand() throws Exception {
    DataSource schema = freshSchema();
    String script;
    try (InputStream in = PgHostDatabase.class.getResourceAsStream("schema.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = schema.getConnection();
        Statement s = c.createStatement()) {
      s.execute(script);
      s.execute(script);
    }
    new PgHostDatabase(schema).migrate();
  }

  @Test
  void anUnreachableDatabaseIsTransient() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
    HostUnavailableException e =
        assertThrows(
            HostUnavailableException.class,
            () -> new PgDocumentStore(nowhere).describe(new DocumentId("any")));
    assertInstanceOf(SQLException.class, e.getCause());
  }
}
