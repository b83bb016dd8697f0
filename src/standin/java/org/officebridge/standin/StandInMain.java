package org.officebridge.standin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a stand-in on its own: {@code mvn -Pstandin -Dofficebridge.standin.jwt-secret=...}, or
 * {@code java -cp ... org.officebridge.standin.StandInMain}. Settings come from system properties
 * {@code officebridge.standin.<name>}, else environment variables {@code
 * OFFICEBRIDGE_STANDIN_<NAME>}: port (8090), bind (127.0.0.1), jwt-secret (required unless {@code
 * --no-jwt} or no-jwt=true; also jwt-secret-file, and OFFICEBRIDGE_JWT_SECRET as a last resort),
 * jwt-header, jwt-prefix, token-in-body, token-in-header, public-url, callback-delay,
 * retry-base-delay, proof-keys, version, allow-remote.
 */
public final class StandInMain {

  private StandInMain() {}

  /**
   * @param args {@code --no-jwt} to run without JWT, {@code --help} for usage
   * @throws Exception when the stand-in cannot start
   */
  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--help")) {
      System.out.println(usage());
      return;
    }
    boolean noJwt = Arrays.asList(args).contains("--no-jwt") || bool("no-jwt", false);
    Optional<String> secret = secret();
    if (!noJwt && secret.isEmpty()) {
      System.err.println(
          "officebridge.standin.jwt-secret (or OFFICEBRIDGE_STANDIN_JWT_SECRET) is required;"
              + " use --no-jwt to run without JWT.\n\n"
              + usage());
      System.exit(2);
      return;
    }
    StandIn.Builder b =
        StandIn.builder()
            .port(Integer.parseInt(setting("port").orElse("8090")))
            .bindAddress(setting("bind").orElse("127.0.0.1"))
            .jwtSecret(noJwt ? null : secret.get())
            .jwtHeader(setting("jwt-header").orElse("Authorization"))
            .jwtPrefix(setting("jwt-prefix").orElse("Bearer "))
            .tokenInBody(bool("token-in-body", true))
            .tokenInHeader(bool("token-in-header", true))
            .callbackDelay(duration("callback-delay", Duration.ofSeconds(1)))
            .retryBaseDelay(duration("retry-base-delay", Duration.ofSeconds(1)))
            .wopiProofKeys(bool("proof-keys", true))
            .loopbackOnly(!bool("allow-remote", false));
    setting("public-url").map(URI::create).ifPresent(b::publicUrl);
    setting("version").ifPresent(b::version);
    RunningStandIn ds = b.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  ds.close();
                  stopped.countDown();
                },
                "standin-shutdown"));
    System.out.println(
        "ONLYOFFICE Docs stand-in (a simulator, not ONLYOFFICE) listening on "
            + ds.baseUrl()
            + " - JWT "
            + (noJwt ? "off" : "on, header " + ds.settings().jwt().header())
            + " - api.js at "
            + ds.baseUrl().resolve("/web-apps/apps/api/documents/api.js")
            + " - Ctrl+C to stop");
    if (!"127.0.0.1".equals(ds.settings().bindAddress())) {
      System.out.println(
          "WARNING: not bound to 127.0.0.1; the control endpoints have no authentication.");
    }
    stopped.await();
  }

  static String usage() {
    return String.join(
        "\n",
        "ONLYOFFICE Docs stand-in. System properties officebridge.standin.<name> or env"
            + " OFFICEBRIDGE_STANDIN_<NAME>:",
        "  port (8090), bind (127.0.0.1), jwt-secret | jwt-secret-file (required unless --no-jwt),",
        "  jwt-header (Authorization), jwt-prefix ('Bearer '), token-in-body (true),"
            + " token-in-header (true),",
        "  public-url, callback-delay (1s), retry-base-delay (1s), proof-keys (true), version,",
        "  allow-remote (false: outgoing requests only to loopback).",
        "Example: mvn -Pstandin -Dofficebridge.standin.jwt-secret=my-secret");
  }

  static Optional<String> setting(String name) {
    String prop = System.getProperty("officebridge.standin." + name);
    if (prop != null && !prop.isBlank()) {
      return Optional.of(prop);
    }
    String env =
        System.getenv("OFFICEBRIDGE_STANDIN_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    return Optional.ofNullable(env).filter(s -> !s.isBlank());
  }

  private static Optional<String> secret() throws IOException {
    Optional<String> direct = setting("jwt-secret");
    if (direct.isPresent()) {
      return direct;
    }
    Optional<String> file = setting("jwt-secret-file");
    if (file.isPresent()) {
      return Optional.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip());
    }
    return Optional.ofNullable(System.getenv("OFFICEBRIDGE_JWT_SECRET")).filter(s -> !s.isBlank());
  }

  private static boolean bool(String name, boolean fallback) {
    return setting(name).map(v -> v.equalsIgnoreCase("true")).orElse(fallback);
  }

  static Duration duration(String name, Duration fallback) {
    return setting(name).map(StandInMain::parseDuration).orElse(fallback);
  }

  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    }
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
    }
    if (t.endsWith("s")) {
      return Duration.ofMillis(
          (long) (Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
    }
    return Duration.ofMillis(Long.parseLong(t));
  }
}
