package org.officebridge.examples.pghost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The host's own settings (the connector's are separate), read once from system properties, then
 * environment variables ({@code officebridge.pghost.jdbc-url} or {@code
 * OFFICEBRIDGE_PGHOST_JDBC_URL}, and so on).
 *
 * @param jdbcUrl {@code jdbc:postgresql:} URL of the database; or else
 * @param dataSourceName JNDI name of a container-managed (pooled) data source, for example {@code
 *     java:jboss/datasources/OfficebridgeDS}
 * @param user database user, for the URL
 * @param password database password, for the URL (also from {@code ...password-file})
 * @param actorCookie a cookie holding the acting user's id, for demos without container login;
 *     empty (the default) means only the container's principal counts
 */
public record PgHostSettings(
    Optional<String> jdbcUrl,
    Optional<String> dataSourceName,
    Optional<String> user,
    Optional<String> password,
    Optional<String> actorCookie) {

  /** The property prefix; environment variables are the same names upper-cased with '_'. */
  public static final String PREFIX = "officebridge.pghost.";

  /**
   * @return the settings of this JVM (system properties, then the environment)
   * @throws IllegalStateException naming every invalid setting at once
   */
  public static PgHostSettings fromRuntime() {
    return from(System::getProperty, System::getenv);
  }

  /**
   * @param properties system properties by name
   * @param environment environment variables by name
   * @return the settings
   * @throws IllegalStateException naming every invalid setting at once
   */
  static PgHostSettings from(UnaryOperator<String> properties, UnaryOperator<String> environment) {
    Source source = new Source(properties, environment);
    List<String> problems = new ArrayList<>();
    Optional<String> url = source.value("jdbc-url");
    Optional<String> jndi = source.value("datasource");
    if (url.isPresent() == jndi.isPresent()) {
      problems.add(
          "set exactly one of "
              + source.names("jdbc-url")
              + " or "
              + source.names("datasource")
              + " (the database of the officebridge example host)");
    }
    if (url.isPresent() && !url.get().startsWith("jdbc:postgresql:")) {
      problems.add(source.names("jdbc-url") + " must be a jdbc:postgresql: URL");
    }
    Optional<String> password = source.value("password");
    Optional<String> passwordFile = source.value("password-file");
    if (password.isPresent() && passwordFile.isPresent()) {
      problems.add(
          "set only one of " + source.names("password") + " and " + source.names("password-file"));
    } else if (passwordFile.isPresent()) {
      try {
        password =
            Optional.of(Files.readString(Path.of(passwordFile.get()), StandardCharsets.UTF_8))
                .map(String::strip);
      } catch (IOException | RuntimeException e) {
        problems.add(
            "cannot read " + source.names("password-file") + ": " + e.getClass().getName());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "invalid settings of the officebridge example host: " + String.join("; ", problems));
    }
    return new PgHostSettings(
        url, jndi, source.value("user"), password, source.value("actor-cookie"));
  }

  /** Keeps the password out of logs. */
  @Override
  public String toString() {
    return "PgHostSettings[jdbcUrl="
        + jdbcUrl.orElse("-")
        + ", dataSourceName="
        + dataSourceName.orElse("-")
        + ", user="
        + user.orElse("-")
        + ", password="
        + (password.isPresent() ? "***" : "-")
        + ", actorCookie="
        + actorCookie.orElse("-")
        + "]";
  }

  private record Source(UnaryOperator<String> properties, UnaryOperator<String> environment) {

    Optional<String> value(String key) {
      String v = properties.apply(PREFIX + key);
      if (v == null || v.isBlank()) {
        v = environment.apply(envName(key));
      }
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    String names(String key) {
      return PREFIX + key + " / " + envName(key);
    }

    private static String envName(String key) {
      return (PREFIX + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
  }
}
