package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings from system properties, then the environment; every problem reported at once. */
class PgHostSettingsTest {

  private static PgHostSettings load(Map<String, String> properties, Map<String, String> env) {
    return PgHostSettings.from(properties::get, env::get);
  }

  @Test
  void propertiesWinOverTheEnvironment() {
    PgHostSettings settings =
        load(
            Map.of("officebridge.pghost.jdbc-url", "jdbc:postgresql://db/a"),
            Map.of(
                "OFFICEBRIDGE_PGHOST_JDBC_URL", "jdbc:postgresql://db/b",
                "OFFICEBRIDGE_PGHOST_USER", "app",
                "OFFICEBRIDGE_PGHOST_ACTOR_COOKIE", "demo-user"));
    assertEquals(Optional.of("jdbc:postgresql://db/a"), settings.jdbcUrl());
    assertEquals(Optional.of("app"), settings.user());
    assertEquals(Optional.of("demo-user"), settings.actorCookie());
    assertTrue(settings.password().isEmpty());
  }

  @Test
  void thePasswordComesFromAFileWithoutItsLineEnd(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pw");
    Files.writeString(file, "s3cret\n");
    PgHostSettings settings =
        load(
            Map.of(),
            Map.of(
                "OFFICEBRIDGE_PGHOST_JDBC_URL",
                "jdbc:postgresql://db/a",
                "OFFICEBRIDGE_PGHOST_PASSWORD_FILE",
                file.toString()));
    assertEquals(Optional.of("s3cret"), settings.password());
    assertFalse(settings.toString().contains("s3cret"));
  }

  @Test
  void aDataSourceNameReplacesTheUrl() {
    PgHostSettings settings =
        load(Map.of("officebridge.pghost.datasource", "java:jboss/datasources/Dms"), Map.of());
    assertEquals(Optional.of("java:jboss/datasources/Dms"), settings.dataSourceName());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                load(
                    Map.of(
                        "officebridge.pghost.jdbc-url", "jdbc:mysql://db/a",
                        "officebridge.pghost.password", "x",
                        "officebridge.pghost.password-file", "/nonexistent"),
                    Map.of()));
    assertTrue(e.getMessage().contains("jdbc:postgresql:"), e.getMessage());
    assertTrue(e.getMessage().contains("only one of"), e.getMessage());
    assertFalse(e.getMessage().contains("x\""), e.getMessage());
  }

  @Test
  void noDatabaseAtAllIsAProblem() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> load(Map.of(), Map.of()));
    assertTrue(e.getMessage().contains("OFFICEBRIDGE_PGHOST_JDBC_URL"), e.getMessage());
  }

  @Test
  void anUnreadablePasswordFileIsAProblem() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                load(
                    Map.of(
                        "officebridge.pghost.jdbc-url", "jdbc:postgresql://db/a",
                        "officebridge.pghost.password-file", "/nonexistent/pw"),
                    Map.of()));
    assertTrue(e.getMessage().contains("password-file"), e.getMessage());
  }
}
