package org.officebridge.standin;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.officebridge.standin.jwt.JwtSettings;

/**
 * The ONLYOFFICE Docs stand-in: a simulator of the Document Server for tests, demos and CI.
 *
 * <pre>{@code
 * try (RunningStandIn ds = StandIn.builder().jwtSecret("secret").start()) {
 *   URI api = ds.baseUrl().resolve("/web-apps/apps/api/documents/api.js");
 * }
 * }</pre>
 */
public final class StandIn {

  private StandIn() {}

  /**
   * @return a builder with the defaults: 127.0.0.1, an ephemeral port, JWT off, header {@code
   *     Authorization} with prefix {@code "Bearer "}, tokens in body and header, callback delay 1
   *     s, retry base 1 s with 3 retries, proof keys on
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Configures and starts a stand-in. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private int port;
    private URI publicUrl;
    private String jwtSecret;
    private String jwtHeader = "Authorization";
    private String jwtPrefix = "Bearer ";
    private boolean tokenInBody = true;
    private boolean tokenInHeader = true;
    private Duration outboxTokenTtl = Duration.ofMinutes(5);
    private Duration callbackDelay = Duration.ofSeconds(1);
    private Duration retryBaseDelay = Duration.ofSeconds(1);
    private int callbackRetries = 3;
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration downloadTimeout = Duration.ofSeconds(30);
    private Duration linkTtl = Duration.ofSeconds(900);
    private long maxDownloadBytes = 100L * 1024 * 1024;
    private long maxRequestBytes = 10L * 1024 * 1024;
    private Duration conversionTimeout = Duration.ofSeconds(120);
    private Duration autoAssembly;
    private boolean wopiProofKeys = true;
    private Duration refreshLockInterval = Duration.ofMinutes(10);
    private String version = "9.0.0.0";
    private boolean loopbackOnly = true;
    private int threads = 8;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * @param address the address to listen on; keep the default 127.0.0.1 unless you must
     * @return this
     */
    public Builder bindAddress(String address) {
      this.bindAddress = address;
      return this;
    }

    /**
     * @param port the port, 0 for an ephemeral one
     * @return this
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * @param url the base URL to put into links and discovery instead of the bound address
     * @return this
     */
    public Builder publicUrl(URI url) {
      this.publicUrl = url;
      return this;
    }

    /**
     * @param secret the JWT secret (browser, inbox and outbox); null turns JWT off
     * @return this
     */
    public Builder jwtSecret(String secret) {
      this.jwtSecret = secret;
      return this;
    }

    /**
     * @param header the JWT header name
     * @return this
     */
    public Builder jwtHeader(String header) {
      this.jwtHeader = header;
      return this;
    }

    /**
     * @param prefix the JWT header value prefix
     * @return this
     */
    public Builder jwtPrefix(String prefix) {
      this.jwtPrefix = prefix;
      return this;
    }

    /**
     * @param on whether outgoing callbacks carry a body token
     * @return this
     */
    public Builder tokenInBody(boolean on) {
      this.tokenInBody = on;
      return this;
    }

    /**
     * @param on whether outgoing requests carry a header token
     * @return this
     */
    public Builder tokenInHeader(boolean on) {
      this.tokenInHeader = on;
      return this;
    }

    /**
     * @param ttl lifetime of outgoing tokens (DS: 5 min)
     * @return this
     */
    public Builder outboxTokenTtl(Duration ttl) {
      this.outboxTokenTtl = ttl;
      return this;
    }

    /**
     * @param delay between the last editor leaving and status 2 (the real DS: about 10 s)
     * @return this
     */
    public Builder callbackDelay(Duration delay) {
      this.callbackDelay = delay;
      return this;
    }

    /**
     * @param delay the first retry delay; doubles with each retry (DS: 1 s)
     * @return this
     */
    public Builder retryBaseDelay(Duration delay) {
      this.retryBaseDelay = delay;
      return this;
    }

    /**
     * @param retries retries after a failed callback (DS: 3)
     * @return this
     */
    public Builder callbackRetries(int retries) {
      this.callbackRetries = retries;
      return this;
    }

    /**
     * @param timeout timeout of outgoing callbacks and WOPI calls
     * @return this
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * @param timeout timeout of server-side downloads
     * @return this
     */
    public Builder downloadTimeout(Duration timeout) {
      this.downloadTimeout = timeout;
      return this;
    }

    /**
     * @param ttl lifetime of links to assembled files (DS: 900 s)
     * @return this
     */
    public Builder linkTtl(Duration ttl) {
      this.linkTtl = ttl;
      return this;
    }

    /**
     * @param bytes size limit of downloads (DS: 100 MiB)
     * @return this
     */
    public Builder maxDownloadBytes(long bytes) {
      this.maxDownloadBytes = bytes;
      return this;
    }

    /**
     * @param bytes size limit of request bodies
     * @return this
     */
    public Builder maxRequestBytes(long bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    /**
     * @param timeout how long a conversion may take before error -2
     * @return this
     */
    public Builder conversionTimeout(Duration timeout) {
      this.conversionTimeout = timeout;
      return this;
    }

    /**
     * @param interval run timer forcesaves (type 2) at this interval; null for none (default)
     * @return this
     */
    public Builder autoAssembly(Duration interval) {
      this.autoAssembly = interval;
      return this;
    }

    /**
     * @param on whether WOPI calls are proof-signed and discovery publishes the keys
     * @return this
     */
    public Builder wopiProofKeys(boolean on) {
      this.wopiProofKeys = on;
      return this;
    }

    /**
     * @param interval the WOPI REFRESH_LOCK interval (DS: 10 min)
     * @return this
     */
    public Builder wopiRefreshLockInterval(Duration interval) {
      this.refreshLockInterval = interval;
      return this;
    }

    /**
     * @param version the version the command service reports
     * @return this
     */
    public Builder version(String version) {
      this.version = version;
      return this;
    }

    /**
     * @param on whether outgoing requests may only go to loopback addresses (default true)
     * @return this
     */
    public Builder loopbackOnly(boolean on) {
      this.loopbackOnly = on;
      return this;
    }

    /**
     * @param threads HTTP threads and worker threads (each)
     * @return this
     */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    /**
     * @param clock the time source (timestamps, token and link expiry)
     * @return this
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * @return the settings this builder holds
     */
    public StandInSettings settings() {
      return new StandInSettings(
          bindAddress,
          port,
          Optional.ofNullable(publicUrl),
          new JwtSettings(
              Optional.ofNullable(jwtSecret),
              jwtHeader,
              jwtPrefix,
              tokenInBody,
              tokenInHeader,
              outboxTokenTtl),
          callbackDelay,
          retryBaseDelay,
          callbackRetries,
          requestTimeout,
          downloadTimeout,
          linkTtl,
          maxDownloadBytes,
          maxRequestBytes,
          conversionTimeout,
          Optional.ofNullable(autoAssembly),
          wopiProofKeys,
          refreshLockInterval,
          version,
          loopbackOnly,
          threads,
          clock);
    }

    /**
     * @return the running stand-in; close it to stop every thread
     * @throws IOException when the port cannot be bound
     */
    public RunningStandIn start() throws IOException {
      return RunningStandIn.start(settings());
    }
  }
}
