package org.officebridge.standin;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.officebridge.standin.jwt.JwtSettings;

/**
 * Everything a stand-in is configured with; built by {@link StandIn.Builder}, defaults there.
 *
 * @param bindAddress the address to listen on (default 127.0.0.1)
 * @param port the port (0 = ephemeral)
 * @param publicUrl the base URL to advertise instead of the bound one (behind a proxy), if any
 * @param jwt JWT secret, header, prefix and outbox options
 * @param callbackDelay delay between the last editor leaving and the status 2 callback
 * @param retryBaseDelay the first callback retry delay (doubles each retry)
 * @param callbackRetries retries after a failed callback (429/5xx/network)
 * @param requestTimeout timeout of outgoing requests (callbacks, WOPI calls)
 * @param downloadTimeout timeout of server-side downloads
 * @param linkTtl lifetime of the stand-in's file links
 * @param maxDownloadBytes the size limit for downloads (document.url, conversion sources, GetFile)
 * @param maxRequestBytes the size limit for request bodies
 * @param conversionTimeout the conversion timeout (error -2)
 * @param autoAssembly when present, the interval of timer forcesaves (type 2)
 * @param wopiProofKeys whether WOPI requests carry proofs (and discovery a proof-key element)
 * @param wopiRefreshLockInterval the REFRESH_LOCK interval
 * @param version the version string the command service reports
 * @param loopbackOnly whether outgoing requests may only reach loopback addresses
 * @param threads HTTP and worker threads (each)
 * @param clock the time source
 */
public record StandInSettings(
    String bindAddress,
    int port,
    Optional<URI> publicUrl,
    JwtSettings jwt,
    Duration callbackDelay,
    Duration retryBaseDelay,
    int callbackRetries,
    Duration requestTimeout,
    Duration downloadTimeout,
    Duration linkTtl,
    long maxDownloadBytes,
    long maxRequestBytes,
    Duration conversionTimeout,
    Optional<Duration> autoAssembly,
    boolean wopiProofKeys,
    Duration wopiRefreshLockInterval,
    String version,
    boolean loopbackOnly,
    int threads,
    Clock clock) {

  /** Validates the settings. */
  public StandInSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (callbackRetries < 0 || threads < 2 || maxDownloadBytes <= 0 || maxRequestBytes <= 0) {
      throw new IllegalArgumentException("invalid limits");
    }
    for (Duration d :
        new Duration[] {
          callbackDelay,
          retryBaseDelay,
          requestTimeout,
          downloadTimeout,
          linkTtl,
          conversionTimeout,
          wopiRefreshLockInterval
        }) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative duration");
      }
    }
  }
}
