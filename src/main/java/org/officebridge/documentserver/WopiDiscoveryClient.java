package org.officebridge.documentserver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.officebridge.cluster.SharedCache;
import org.officebridge.config.Settings;

/**
 * Fetches the WOPI client's discovery ({@code /hosting/discovery} under the Document Server's
 * internal URL) through the one Document Server HTTP client, and caches it for {@code
 * wopi.discovery-refresh}. When a fetch fails, an earlier copy keeps being used (and the fetch is
 * retried after a short pause). When a proof does not verify, {@link #refreshAfterFailedProof}
 * fetches again, at most once a minute, so a key rotation is picked up at once but forged proofs
 * cannot make the connector hammer the Document Server.
 *
 * <p>On several nodes the raw discovery document is also kept in the cluster's {@link SharedCache}:
 * before fetching, a node takes a copy another node fetched more recently than its own, so the
 * Document Server is asked about once per refresh for the whole cluster, and a key rotation one
 * node picked up after a failed proof reaches the others without their own proofs failing first.
 */
@ApplicationScoped
public class WopiDiscoveryClient {

  /** The largest discovery document read. */
  static final long MAX_BYTES = 8L << 20;

  private static final Logger LOG = Logger.getLogger(WopiDiscoveryClient.class.getName());
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);
  private static final Duration MIN_PROOF_REFETCH = Duration.ofMinutes(1);
  private static final String SHARED_KEY = "wopi-discovery";

  private DocumentServerHttp http;
  private Settings settings;
  private Clock clock;
  private SharedCache shared;

  /** What is cached: the last discovery read, when, and when to try again after a failure. */
  private record State(WopiDiscovery discovery, Instant fetchedAt, Instant nextAttempt) {}

  private final ReentrantLock fetching = new ReentrantLock();
  private volatile State state = new State(null, Instant.MIN, Instant.MIN);
  private Instant lastProofRefetch = Instant.MIN;

  /** For CDI. */
  protected WopiDiscoveryClient() {}

  /**
   * @param http the Document Server HTTP client
   * @param settings the connector's settings
   * @param clock the clock for the cache
   * @param shared the cluster's shared cache (this node's memory without a cluster)
   */
  @Inject
  public WopiDiscoveryClient(
      DocumentServerHttp http, Settings settings, Clock clock, SharedCache shared) {
    this.http = http;
    this.settings = settings;
    this.clock = clock;
    this.shared = shared;
  }

  /**
   * @return the discovery URL: {@code <internal URL>/hosting/discovery}
   */
  public URI discoveryUrl() {
    return URI.create(settings.documentServer().internalUrl() + "/hosting/discovery");
  }

  /**
   * Returns the cached discovery, fetching it again when older than {@code wopi.discovery-refresh}.
   * While one request fetches, the others keep using the cached copy.
   *
   * @return the discovery
   * @throws DiscoveryUnavailableException when it cannot be fetched and nothing is cached
   */
  public WopiDiscovery current() {
    State s = state;
    Instant now = clock.instant();
    boolean stale =
        s.discovery() == null
            || !now.isBefore(s.fetchedAt().plus(settings.wopi().discoveryRefresh()));
    if (stale && !now.isBefore(s.nextAttempt())) {
      if (s.discovery() == null) {
        fetching.lock();
      } else if (!fetching.tryLock()) {
        return s.discovery();
      }
      try {
        if (state == s) {
          fetch(now);
        }
      } finally {
        fetching.unlock();
      }
    }
    WopiDiscovery d = state.discovery();
    if (d == null) {
      throw new DiscoveryUnavailableException("no WOPI discovery from " + discoveryUrl(), null);
    }
    return d;
  }

  /**
   * Fetches discovery again after a proof failed to verify, unless a proof failure already did so
   * within the last minute.
   *
   * @return the newly fetched discovery, or empty when none was fetched (too soon, or it failed)
   */
  public Optional<WopiDiscovery> refreshAfterFailedProof() {
    fetching.lock();
    try {
      State before = state;
      Instant now = clock.instant();
      if (before.discovery() != null && now.isBefore(lastProofRefetch.plus(MIN_PROOF_REFETCH))) {
        return Optional.empty();
      }
      lastProofRefetch = now;
      fetch(now);
      State after = state;
      return after.discovery() != before.discovery()
          ? Optional.of(after.discovery())
          : Optional.empty();
    } finally {
      fetching.unlock();
    }
  }

  /** Takes the cluster's copy when another node fetched it after this node's copy. */
  private boolean adoptShared(Instant now) {
    Optional<SharedCache.Entry> copy = shared.get(SHARED_KEY, now);
    if (copy.isEmpty() || !copy.get().storedAt().isAfter(state.fetchedAt())) {
      return false;
    }
    try {
      byte[] xml = Base64.getDecoder().decode(copy.get().text());
      WopiDiscovery read = WopiDiscoveryParser.parse(new ByteArrayInputStream(xml));
      state = new State(read, copy.get().storedAt(), now);
      LOG.fine(() -> "event=wopi-discovery outcome=shared-copy fetchedAt=" + copy.get().storedAt());
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private void fetch(Instant now) {
    if (adoptShared(now)) {
      return;
    }
    URI url = discoveryUrl();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(settings.limits().readTimeout())
              .header("Accept", "text/xml, application/xml")
              .GET()
              .build();
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = new LimitedInputStream(response.body(), MAX_BYTES)) {
        if (response.statusCode() != 200) {
          throw new IOException("discovery answered HTTP " + response.statusCode());
        }
        byte[] xml = body.readAllBytes();
        WopiDiscovery read = WopiDiscoveryParser.parse(new ByteArrayInputStream(xml));
        state = new State(read, now, now);
        shared.put(
            SHARED_KEY,
            Base64.getEncoder().encodeToString(xml),
            now,
            now.plus(settings.wopi().discoveryRefresh()));
      }
      WopiDiscovery read = state.discovery();
      LOG.info(
          () ->
              "event=wopi-discovery outcome=ok url="
                  + url
                  + " extensions="
                  + read.actions().size()
                  + " proofKeys="
                  + read.proofKeys().isPresent());
    } catch (IOException | RuntimeException e) {
      State failed = state;
      state = new State(failed.discovery(), failed.fetchedAt(), now.plus(RETRY_AFTER_FAILURE));
      LOG.warning(
          () ->
              "event=wopi-discovery outcome=failed url="
                  + url
                  + " cached="
                  + (state.discovery() != null)
                  + " reason="
                  + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      State failed = state;
      state = new State(failed.discovery(), failed.fetchedAt(), now.plus(RETRY_AFTER_FAILURE));
    }
  }
}
