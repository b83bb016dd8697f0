package org.officebridge.operations;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.documentserver.ForbiddenUrlException;

/**
 * The Document Server's own health check, {@code GET <internal URL>/healthcheck} (it answers {@code
 * true}), through the connector's one Document Server client (trust store, allow-list). Readiness
 * reads the last result and never waits (a result older than a minute is refreshed in the
 * background), so probes never hammer the Document Server; the settings check asks afresh.
 */
@ApplicationScoped
public class DocumentServerHealth {

  private static final Duration MAX_AGE = Duration.ofMinutes(1);
  private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(3);

  /**
   * One health check.
   *
   * @param at when it was made
   * @param healthy whether the Document Server answered 200 {@code true}
   * @param problem what went wrong, in plain words, when it did not
   */
  public record Health(Instant at, boolean healthy, Optional<String> problem) {}

  @Inject DocumentServerHttp http;
  @Inject Settings settings;
  @Inject Clock clock;

  private final ReentrantLock checking = new ReentrantLock();
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "officebridge-ds-health");
            t.setDaemon(true);
            return t;
          });
  private volatile boolean running;
  private volatile Health last;

  /**
   * Never waits: when the last result is more than a minute old (or there is none), a new check
   * starts in the background and the last result is returned.
   *
   * @return the last result, if any
   */
  public Optional<Health> recent() {
    Health h = last;
    if ((h == null || !clock.instant().isBefore(h.at().plus(MAX_AGE))) && checking.tryLock()) {
      try {
        if (!running) {
          running = true;
          background.execute(
              () -> {
                try {
                  check(READINESS_TIMEOUT);
                } finally {
                  running = false;
                }
              });
        }
      } finally {
        checking.unlock();
      }
    }
    return Optional.ofNullable(h);
  }

  @PreDestroy
  void stop() {
    background.shutdownNow();
  }

  /**
   * @param timeout how long to wait for the answer
   * @return the result of a new check
   */
  public Health check(Duration timeout) {
    URI url = url();
    Health h;
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      h =
          r.statusCode() == 200 && r.body().strip().equalsIgnoreCase("true")
              ? new Health(clock.instant(), true, Optional.empty())
              : new Health(
                  clock.instant(),
                  false,
                  Optional.of(
                      url
                          + " answered HTTP "
                          + r.statusCode()
                          + (r.statusCode() == 200
                              ? " without \"true\": the Document Server is"
                                  + " not healthy (see its logs)"
                              : ": is this the Document Server?")));
    } catch (ForbiddenUrlException e) {
      h = new Health(clock.instant(), false, Optional.of(forbidden(url)));
    } catch (IOException e) {
      h = new Health(clock.instant(), false, Optional.of(unreachable(url, e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      h = new Health(clock.instant(), false, Optional.of("interrupted"));
    }
    last = h;
    return h;
  }

  /**
   * @return the health check's URL
   */
  public URI url() {
    return URI.create(settings.documentServer().internalUrl() + "/healthcheck");
  }

  static String forbidden(URI url) {
    return "the connector may not call "
        + url.getHost()
        + ": officebridge.ds.allowed-addresses does not include the address of"
        + " officebridge.ds.internal-url";
  }

  static String unreachable(URI url, IOException e) {
    String cause = e.getClass().getSimpleName();
    String hint =
        e instanceof javax.net.ssl.SSLException
            ? "its TLS certificate is not trusted: give the connector a trust store with it"
                + " (officebridge.ds.trust-store)"
            : e instanceof java.net.http.HttpTimeoutException
                ? "no answer in time: check the network, a firewall or proxy between them"
                : "check officebridge.ds.internal-url (or officebridge.ds.public-url), DNS, the"
                    + " network and firewalls from the connector's host";
    return "the connector cannot reach the Document Server at " + url + " (" + cause + "): " + hint;
  }
}
