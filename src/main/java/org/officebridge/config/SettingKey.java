package org.officebridge.config;

import java.util.Locale;

/**
 * Every setting the connector reads, with its default and its documentation. The system property is
 * {@code officebridge.<name>}, the environment variable {@code OFFICEBRIDGE_<NAME>} (upper case,
 * dots and dashes as underscores), the properties-file key the same as the system property. A
 * secret also accepts {@code <name>-file}: the path of a file holding the value.
 */
public enum SettingKey {
  DS_PUBLIC_URL(
      "ds.public-url",
      null,
      false,
      "Document Server URL as browsers reach it; api.js is loaded from here. Required."),
  DS_INTERNAL_URL(
      "ds.internal-url",
      "the public URL",
      false,
      "Document Server URL as the connector reaches it (command service, conversion, discovery)."),
  DS_ALLOWED_ADDRESSES(
      "ds.allowed-addresses",
      "the addresses of the internal URL's host",
      false,
      "Comma-separated IP addresses or CIDR ranges the Document Server calls and serves downloads"
          + " from; callbacks and WOPI calls from elsewhere are refused, and save URLs elsewhere"
          + " are never fetched."),
  DS_TRUST_STORE(
      "ds.trust-store",
      "the JVM's trust store",
      false,
      "Trust store (PKCS12 or JKS) for the Document Server's TLS certificate."),
  DS_TRUST_STORE_PASSWORD(
      "ds.trust-store-password", "none", true, "Password of the trust store, if it has one."),
  CONNECTOR_URL(
      "connector.url",
      null,
      false,
      "Base URL of this connector (the WAR's context root) as the Document Server reaches it:"
          + " callbacks, downloads and WOPI. Required."),
  INSTANCE_ID(
      "instance-id",
      "derived from the connector URL",
      false,
      "Prefix of document keys, unique per DMS sharing one Document Server: 1-20 characters of"
          + " 0-9 a-z A-Z."),
  JWT_SECRET(
      "jwt.secret",
      null,
      true,
      "Secret shared with the Document Server (its JWT_SECRET), at least 32 bytes. Required."),
  JWT_HEADER(
      "jwt.header",
      "Authorization",
      false,
      "HTTP header carrying the Document Server's tokens, both directions."),
  JWT_PREFIX("jwt.prefix", "Bearer ", false, "Prefix before the token in that header."),
  JWT_TTL("jwt.ttl", "PT5M", false, "Lifetime of tokens the connector signs for requests."),
  JWT_CLOCK_SKEW(
      "jwt.clock-skew",
      "PT60S",
      false,
      "Clock difference tolerated on tokens the connector checks."),
  LINK_SECRET(
      "link.secret",
      "derived from the JWT secret",
      true,
      "Secret for the connector's own signed links (callback and download URLs), at least 32"
          + " bytes; set it to rotate links independently of the JWT secret."),
  WOPI_ENABLED("wopi.enabled", "false", false, "Whether the WOPI host is on."),
  WOPI_DISCOVERY_REFRESH(
      "wopi.discovery-refresh", "PT1H", false, "How long WOPI discovery is cached."),
  WOPI_PROOF_KEYS(
      "wopi.proof-keys",
      "required",
      false,
      "WOPI proof-key checking: required, if-present (verify when the headers are sent) or off."),
  WOPI_TOKEN_TTL("wopi.token-ttl", "PT10H", false, "Lifetime of WOPI access tokens."),
  WOPI_BRAND_NAME(
      "wopi.brand-name",
      "none",
      false,
      "Name of the DMS the WOPI editor shows in its About box (CheckFileInfo BreadcrumbBrandName)."),
  WOPI_BRAND_URL(
      "wopi.brand-url",
      "none",
      false,
      "Link behind that name (CheckFileInfo BreadcrumbBrandUrl), an absolute http(s) URL."),
  MAX_FILE_SIZE(
      "limits.max-file-size",
      "100MiB",
      false,
      "Largest document accepted or served (bytes, or with KiB/MiB/GiB)."),
  CONNECT_TIMEOUT(
      "http.connect-timeout", "PT10S", false, "Connect timeout for calls to the Document Server."),
  READ_TIMEOUT(
      "http.read-timeout",
      "PT120S",
      false,
      "Read timeout for calls to the Document Server (per request; downloads reset it per block)."),
  CONVERSION_TIMEOUT(
      "conversion.timeout",
      "PT5M",
      false,
      "How long the connector waits for a conversion (convert on open, download as, save as,"
          + " thumbnails), polling included."),
  SESSION_TTL(
      "session.ttl",
      "PT24H",
      false,
      "How long a Docs API editing session and its lock live without any callback."),
  ADMIN_ROLE(
      "admin.role",
      "officebridge-admin",
      false,
      "Container role allowed on the admin page and endpoints (besides users the host's"
          + " UserDirectory.isAdministrator accepts)."),
  METRICS_TOKEN(
      "metrics.token",
      "none",
      true,
      "Bearer token a metrics scraper sends to api/metrics (Authorization: Bearer <token>), at"
          + " least 32 bytes; without it only administrators may read the metrics."),
  SETTINGS_CHECK_INTERVAL(
      "settings-check.interval",
      "off",
      false,
      "How often the settings check runs by itself and logs its outcome (event=settings-check):"
          + " a duration such as PT1H, or off."),
  SETTINGS_CHECK_TIMEOUT(
      "settings-check.timeout",
      "PT30S",
      false,
      "How long the settings check waits for the Document Server's test conversion."),
  EDITOR_FRAME_ANCESTORS(
      "editor.frame-ancestors",
      "'self'",
      false,
      "Space-separated origins (CSP frame-ancestors sources) allowed to frame the editor page;"
          + " 'none' forbids framing."),
  EDITOR_BROWSER_URL(
      "editor.browser-url",
      "taken from each request",
      false,
      "Base URL of this connector as browsers reach it (behind a reverse proxy), for links the"
          + " editor opens: recent files, templates, go back, embedded mode."),
  EDITOR_LOCALE(
      "editor.locale",
      "the user's locale",
      false,
      "Interface language and region for everybody, such as de-DE; by default each user's."),
  EDITOR_THEME(
      "editor.theme",
      "the editor's default",
      false,
      "Editor theme id (customization.uiTheme), such as theme-light, theme-dark or"
          + " theme-system."),
  EDITOR_CHAT(
      "editor.chat", "true", false, "Whether the chat is on for users with the chat right."),
  EDITOR_COMMENTS("editor.comments", "true", false, "Whether comments are shown."),
  EDITOR_GOBACK(
      "editor.goback",
      "true",
      false,
      "Whether \"Open file location\" leads to the document's folder in the DMS."),
  EDITOR_CLOSE("editor.close", "true", false, "Whether the editor shows a Close button."),
  EDITOR_TOOLBAR(
      "editor.toolbar",
      "none",
      false,
      "Comma-separated toolbar switches: compact-header, compact-toolbar, hide-file-name,"
          + " hide-right-menu, hide-rulers."),
  EDITOR_AUTOSAVE(
      "editor.autosave",
      "true",
      false,
      "Whether changes are saved automatically (strict co-editing; fast mode always saves)."),
  EDITOR_FORCESAVE(
      "editor.forcesave",
      "false",
      false,
      "Whether the editor's Save button stores a version in the DMS while editing continues."),
  EDITOR_CO_EDITING(
      "editor.co-editing",
      "fast",
      false,
      "Co-editing mode: fast (real time) or strict (paragraph locking)."),
  EDITOR_CO_EDITING_CHANGEABLE(
      "editor.co-editing-changeable",
      "true",
      false,
      "Whether users may switch the co-editing mode in the editor."),
  EDITOR_REVIEW_DISPLAY(
      "editor.review-display",
      "markup",
      false,
      "How tracked changes show when the editor opens: markup, simple, final or original."),
  EDITOR_CUSTOMER_NAME(
      "editor.customer-name", "none", false, "Customer name in the editor's About box."),
  EDITOR_CUSTOMER_INFO(
      "editor.customer-info", "none", false, "Customer description in the About box."),
  EDITOR_CUSTOMER_WWW("editor.customer-www", "none", false, "Customer web site in the About box."),
  EDITOR_CUSTOMER_MAIL(
      "editor.customer-mail", "none", false, "Customer e-mail address in the About box."),
  EDITOR_CUSTOMER_LOGO(
      "editor.customer-logo", "none", false, "Customer logo URL (432x70) in the About box."),
  EDITOR_RECENT_FILES(
      "editor.recent-files",
      "10",
      false,
      "How many recent files the editor's File menu lists (0-50; 0 hides the list)."),
  EDITOR_TEMPLATES(
      "editor.templates",
      "true",
      false,
      "Whether \"Create new\" offers the host's templates (or blank documents)."),
  EDITOR_PLUGINS(
      "editor.plugins",
      "none",
      false,
      "Comma-separated URLs of plugin config.json files added to every editor."),
  EDITOR_LEGACY_CONVERSION(
      "editor.legacy-conversion",
      "new-version",
      false,
      "Opening a legacy format (doc, xls, ppt ...) for editing: new-version (convert to OOXML"
          + " as a new version), new-file (convert into a new document beside it) or off"
          + " (view only)."),
  CLUSTER_MODE(
      "cluster.mode",
      "none",
      false,
      "Where sessions, locks, processed-event records and the discovery cache are shared: none"
          + " (this node only, in memory), embedded (a Hazelcast member in this JVM), client (a"
          + " client of an existing Hazelcast cluster) or payara (Payara's own data grid). A"
          + " host's own SessionStore wins over it. See docs/cluster.md."),
  CLUSTER_NAME(
      "cluster.name",
      "officebridge",
      false,
      "Hazelcast cluster name (embedded, client); nodes with another name never join."),
  CLUSTER_JOIN(
      "cluster.join",
      "tcp-ip",
      false,
      "How an embedded member finds the others: tcp-ip (the cluster.members list), multicast"
          + " or kubernetes (cluster.members is then the headless service's DNS name)."),
  CLUSTER_MEMBERS(
      "cluster.members",
      "none (this node alone)",
      false,
      "Comma-separated host:port of the cluster's members (embedded tcp-ip: the other nodes;"
          + " client: the cluster to connect to)."),
  CLUSTER_ADDRESS(
      "cluster.address",
      "127.0.0.1",
      false,
      "IP address an embedded member binds to and announces; the only interface it uses."),
  CLUSTER_PORT("cluster.port", "5701", false, "Port an embedded member listens on."),
  CLUSTER_MIN_MEMBERS(
      "cluster.min-members",
      "1",
      false,
      "Split-brain protection of an embedded member: shared state is refused (callers retry)"
          + " while this member sees fewer members, so a minority side never changes locks. Set"
          + " it to a majority (2 of 3) for three or more nodes."),
  CONFIG_FILE(
      "config-file",
      "none",
      false,
      "Properties file with further settings (keys as the system properties); lowest precedence.");

  private final String name;
  private final String defaultText;
  private final boolean secret;
  private final String description;

  SettingKey(String name, String defaultText, boolean secret, String description) {
    this.name = name;
    this.defaultText = defaultText;
    this.secret = secret;
    this.description = description;
  }

  /**
   * @return the system property name, for example {@code officebridge.ds.public-url}
   */
  public String property() {
    return "officebridge." + name;
  }

  /**
   * @return the environment variable name, for example {@code OFFICEBRIDGE_DS_PUBLIC_URL}
   */
  public String environmentVariable() {
    return property().toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * @return how the default is described to people, or {@code null} when the setting is required
   */
  public String defaultText() {
    return defaultText;
  }

  /**
   * @return whether the value is a secret (never logged; accepts a {@code -file} variant)
   */
  public boolean isSecret() {
    return secret;
  }

  /**
   * @return what the setting does
   */
  public String description() {
    return description;
  }
}
