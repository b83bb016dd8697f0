package org.officebridge.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Loads {@link Settings} from system properties, then environment variables, then the optional
 * properties file ({@link SettingKey#CONFIG_FILE}), the first source that has a value winning.
 * Collects every problem before failing, so an administrator sees them all at once.
 */
public final class SettingsLoader {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB|TiB)");
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern INSTANCE_ID = Pattern.compile("[0-9a-zA-Z]{1,20}");
  private static final int MIN_SECRET_BYTES = 32;

  private final Map<String, String> systemProperties;
  private final Map<String, String> environment;
  private final Properties file = new Properties();
  private final List<String> problems = new ArrayList<>();

  private SettingsLoader(Map<String, String> systemProperties, Map<String, String> environment) {
    this.systemProperties = systemProperties;
    this.environment = environment;
  }

  /**
   * Loads the settings of the running JVM.
   *
   * @return the settings
   * @throws InvalidSettingsException listing every problem
   */
  public static Settings fromRuntime() throws InvalidSettingsException {
    Map<String, String> properties = new java.util.HashMap<>();
    System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
    return load(properties, System.getenv());
  }

  /**
   * @param systemProperties system properties (highest precedence)
   * @param environment environment variables
   * @return the settings
   * @throws InvalidSettingsException listing every problem
   */
  public static Settings load(Map<String, String> systemProperties, Map<String, String> environment)
      throws InvalidSettingsException {
    return new SettingsLoader(systemProperties, environment).load();
  }

  private Settings load() throws InvalidSettingsException {
    readConfigFile();
    Optional<URI> publicUrl = url(SettingKey.DS_PUBLIC_URL);
    Optional<URI> internalUrl = url(SettingKey.DS_INTERNAL_URL).or(() -> publicUrl);
    Optional<URI> connectorUrl = url(SettingKey.CONNECTOR_URL);
    Optional<Secret> jwtSecret = secret(SettingKey.JWT_SECRET, true);
    Optional<Secret> linkSecret = secret(SettingKey.LINK_SECRET, true);
    Settings.DocumentServer ds =
        new Settings.DocumentServer(
            publicUrl.orElse(null), internalUrl.orElse(null), addresses(), trustStore());
    String instanceId =
        raw(SettingKey.INSTANCE_ID)
            .map(this::instanceId)
            .orElseGet(() -> connectorUrl.map(SettingsLoader::derivedInstanceId).orElse("ob"));
    Settings.Connector connector =
        new Settings.Connector(
            connectorUrl.orElse(null),
            instanceId,
            linkSecret.or(() -> jwtSecret.map(SettingsLoader::derivedLinkSecret)).orElse(null));
    Settings.Jwt jwt =
        new Settings.Jwt(
            jwtSecret.orElse(null),
            token(SettingKey.JWT_HEADER, "Authorization"),
            raw(SettingKey.JWT_PREFIX).orElse("Bearer "),
            duration(SettingKey.JWT_TTL, "PT5M"),
            duration(SettingKey.JWT_CLOCK_SKEW, "PT60S"));
    Settings.Wopi wopi =
        new Settings.Wopi(
            bool(SettingKey.WOPI_ENABLED, false),
            duration(SettingKey.WOPI_DISCOVERY_REFRESH, "PT1H"),
            proofKeyMode(),
            duration(SettingKey.WOPI_TOKEN_TTL, "PT10H"),
            raw(SettingKey.WOPI_BRAND_NAME).map(String::trim),
            url(SettingKey.WOPI_BRAND_URL));
    Settings.Limits limits =
        new Settings.Limits(
            size(SettingKey.MAX_FILE_SIZE, "100MiB"),
            duration(SettingKey.CONNECT_TIMEOUT, "PT10S"),
            duration(SettingKey.READ_TIMEOUT, "PT120S"),
            duration(SettingKey.CONVERSION_TIMEOUT, "PT5M"));
    Duration sessionTtl = duration(SettingKey.SESSION_TTL, "PT24H");
    String adminRole = token(SettingKey.ADMIN_ROLE, "officebridge-admin");
    EditorSettings editor = new EditorSettingsReader(this).read();
    Settings.Cluster cluster = cluster();
    Settings.Operations operations =
        new Settings.Operations(
            secret(SettingKey.METRICS_TOKEN, true),
            optionalDuration(SettingKey.SETTINGS_CHECK_INTERVAL),
            duration(SettingKey.SETTINGS_CHECK_TIMEOUT, "PT30S"));
    if (!problems.isEmpty()) {
      throw new InvalidSettingsException(problems);
    }
    return new Settings(
        ds, connector, jwt, wopi, limits, sessionTtl, adminRole, editor, cluster, operations);
  }

  /** Records a problem with a setting; every problem is reported together. */
  void problem(String text) {
    problems.add(text);
  }

  private void readConfigFile() {
    Optional<String> path = lookup(SettingKey.CONFIG_FILE.property(), false);
    if (path.isEmpty()) {
      return;
    }
    try (Reader reader = Files.newBufferedReader(Path.of(path.get()), StandardCharsets.UTF_8)) {
      file.load(reader);
    } catch (IOException | RuntimeException e) {
      problems.add(name(SettingKey.CONFIG_FILE) + ": cannot read the file " + path.get());
    }
  }

  /** The raw value from the first source that has a non-blank one. */
  Optional<String> raw(SettingKey key) {
    return lookup(key.property(), true);
  }

  private Optional<String> lookup(String property, boolean includeFile) {
    String env = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    String value = systemProperties.get(property);
    if (isBlank(value)) {
      value = environment.get(env);
    }
    if (isBlank(value) && includeFile) {
      value = file.getProperty(property);
    }
    return isBlank(value) ? Optional.empty() : Optional.of(value);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  static String name(SettingKey key) {
    return key.property() + " (" + key.environmentVariable() + ")";
  }

  Optional<URI> url(SettingKey key) {
    Optional<String> value = raw(key);
    if (value.isEmpty()) {
      if (key.defaultText() == null) {
        problems.add(name(key) + " is required: " + key.description());
      }
      return Optional.empty();
    }
    String text = value.get().trim();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        problems.add(
            name(key) + " must be an absolute http(s) URL without query, fragment or user info");
        return Optional.empty();
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      problems.add(name(key) + " is not a valid URL");
      return Optional.empty();
    }
  }

  private Optional<Secret> secret(SettingKey key, boolean checkLength) {
    Optional<String> value = raw(key);
    Optional<String> path = lookup(key.property() + "-file", true);
    if (value.isPresent() && path.isPresent()) {
      problems.add(name(key) + ": set the value or the -file variant, not both");
      return Optional.empty();
    }
    Optional<Secret> secret = value.map(Secret::of);
    if (path.isPresent()) {
      try {
        String text = Files.readString(Path.of(path.get()), StandardCharsets.UTF_8).strip();
        secret = text.isEmpty() ? Optional.empty() : Optional.of(Secret.of(text));
        if (secret.isEmpty()) {
          problems.add(name(key) + ": the file " + path.get() + " is empty");
          return Optional.empty();
        }
      } catch (IOException | RuntimeException e) {
        problems.add(name(key) + ": cannot read the file " + path.get());
        return Optional.empty();
      }
    }
    if (secret.isEmpty() && key.defaultText() == null) {
      problems.add(
          name(key) + " is required (or " + key.property() + "-file): " + key.description());
    }
    if (checkLength && secret.isPresent() && secret.get().length() < MIN_SECRET_BYTES) {
      problems.add(name(key) + " is too short: HS256 needs at least 32 bytes");
      return Optional.empty();
    }
    return secret;
  }

  private List<AddressRange> addresses() {
    Optional<String> value = raw(SettingKey.DS_ALLOWED_ADDRESSES);
    List<AddressRange> ranges = new ArrayList<>();
    if (value.isEmpty()) {
      return ranges;
    }
    for (String part : value.get().split(",")) {
      if (part.isBlank()) {
        continue;
      }
      try {
        ranges.add(AddressRange.parse(part));
      } catch (IllegalArgumentException e) {
        problems.add(name(SettingKey.DS_ALLOWED_ADDRESSES) + ": " + e.getMessage());
      }
    }
    return ranges;
  }

  private Optional<Settings.TrustStore> trustStore() {
    Optional<String> path = raw(SettingKey.DS_TRUST_STORE);
    Optional<Secret> password = secret(SettingKey.DS_TRUST_STORE_PASSWORD, false);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    Path file = Path.of(path.get());
    if (!Files.isReadable(file)) {
      problems.add(name(SettingKey.DS_TRUST_STORE) + ": cannot read the file " + path.get());
      return Optional.empty();
    }
    return Optional.of(new Settings.TrustStore(file, password));
  }

  private String instanceId(String value) {
    if (!INSTANCE_ID.matcher(value).matches()) {
      problems.add(name(SettingKey.INSTANCE_ID) + " must be 1-20 characters of 0-9 a-z A-Z");
    }
    return value;
  }

  private String token(SettingKey key, String fallback) {
    String value = raw(key).orElse(fallback).trim();
    if (!value.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
      problems.add(name(key) + " must be a single HTTP token (no spaces or separators)");
    }
    return value;
  }

  boolean bool(SettingKey key, boolean fallback) {
    Optional<String> value = raw(key).map(v -> v.trim().toLowerCase(Locale.ROOT));
    if (value.isEmpty()) {
      return fallback;
    }
    if (!value.get().equals("true") && !value.get().equals("false")) {
      problems.add(name(key) + " must be true or false");
      return fallback;
    }
    return Boolean.parseBoolean(value.get());
  }

  private Duration duration(SettingKey key, String fallback) {
    String value = raw(key).orElse(fallback).trim();
    Duration duration = parseDuration(value);
    if (duration == null || duration.isNegative() || duration.isZero()) {
      problems.add(
          name(key) + " must be a positive duration such as PT30S, 30s, 10m or 2h; got " + value);
      return parseDuration(fallback);
    }
    return duration;
  }

  /** A duration, or {@code off} (the default) for none. */
  private Optional<Duration> optionalDuration(SettingKey key) {
    Optional<String> value = raw(key).map(String::trim);
    if (value.isEmpty() || value.get().equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    Duration duration = parseDuration(value.get());
    if (duration == null || duration.isNegative() || duration.isZero()) {
      problems.add(
          name(key)
              + " must be off or a positive duration such as PT1H, 30m or 6h; got "
              + value.get());
      return Optional.empty();
    }
    return Optional.of(duration);
  }

  static Duration parseDuration(String value) {
    Matcher m = SHORT_DURATION.matcher(value);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(value.toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private long size(SettingKey key, String fallback) {
    String value = raw(key).orElse(fallback).trim();
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      problems.add(name(key) + " must be a size such as 104857600, 100MiB or 1GiB; got " + value);
      return 100L << 20;
    }
    int shift =
        switch (m.group(2)) {
          case "KiB" -> 10;
          case "MiB" -> 20;
          case "GiB" -> 30;
          case "TiB" -> 40;
          default -> 0;
        };
    try {
      long n = Long.parseLong(m.group(1));
      if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      problems.add(name(key) + " is out of range");
      return 100L << 20;
    }
  }

  private ProofKeyMode proofKeyMode() {
    String value = raw(SettingKey.WOPI_PROOF_KEYS).orElse("required").trim();
    for (ProofKeyMode mode : ProofKeyMode.values()) {
      if (mode.text().equalsIgnoreCase(value)) {
        return mode;
      }
    }
    problems.add(name(SettingKey.WOPI_PROOF_KEYS) + " must be required, if-present or off");
    return ProofKeyMode.REQUIRED;
  }

  private Settings.Cluster cluster() {
    ClusterMode mode = choice(SettingKey.CLUSTER_MODE, ClusterMode.values(), ClusterMode::text);
    ClusterJoin join = choice(SettingKey.CLUSTER_JOIN, ClusterJoin.values(), ClusterJoin::text);
    String name = token(SettingKey.CLUSTER_NAME, "officebridge");
    List<String> members = new ArrayList<>();
    for (String part : raw(SettingKey.CLUSTER_MEMBERS).orElse("").split(",")) {
      if (!part.isBlank()) {
        members.add(part.trim());
      }
    }
    String address = raw(SettingKey.CLUSTER_ADDRESS).orElse("127.0.0.1").trim();
    if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      problems.add(name(SettingKey.CLUSTER_ADDRESS) + " must be an IP address; got " + address);
    }
    int port = integer(SettingKey.CLUSTER_PORT, 5701, 1, 65535);
    int minMembers = integer(SettingKey.CLUSTER_MIN_MEMBERS, 1, 1, 1000);
    if (mode == ClusterMode.CLIENT && members.isEmpty()) {
      problems.add(
          name(SettingKey.CLUSTER_MEMBERS) + " is required with cluster.mode=client: the cluster");
    }
    if (mode == ClusterMode.EMBEDDED && join == ClusterJoin.KUBERNETES && members.size() != 1) {
      problems.add(
          name(SettingKey.CLUSTER_MEMBERS)
              + " must be the headless service's DNS name with cluster.join=kubernetes");
    }
    return new Settings.Cluster(mode, name, join, members, address, port, minMembers);
  }

  private <E extends Enum<E>> E choice(SettingKey key, E[] values, Function<E, String> text) {
    String value = raw(key).orElse(key.defaultText()).trim();
    for (E e : values) {
      if (text.apply(e).equalsIgnoreCase(value)) {
        return e;
      }
    }
    problems.add(
        name(key)
            + " must be one of "
            + Arrays.stream(values).map(text).toList()
            + "; got "
            + value);
    return values[0];
  }

  private int integer(SettingKey key, int fallback, int min, int max) {
    Optional<String> value = raw(key);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.get().trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(name(key) + " must be a whole number from " + min + " to " + max);
    return fallback;
  }

  private static String derivedInstanceId(URI connectorUrl) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(connectorUrl.toString().getBytes(StandardCharsets.UTF_8));
      return "ob" + HexFormat.of().formatHex(hash, 0, 5);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static Secret derivedLinkSecret(Secret jwtSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(jwtSecret.bytes(), "HmacSHA256"));
      return Secret.ofBytes(
          mac.doFinal("officebridge link key v1".getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
