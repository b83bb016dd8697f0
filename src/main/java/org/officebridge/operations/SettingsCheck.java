package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.CommandError;
import org.officebridge.documentserver.CommandServiceClient;
import org.officebridge.documentserver.CommandServiceException;
import org.officebridge.documentserver.DocumentServerException;
import org.officebridge.operations.SettingsCheckReport.Direction;
import org.officebridge.operations.SettingsCheckReport.Finding;
import org.officebridge.operations.SettingsCheckReport.Status;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;

/**
 * The settings check: tries every direction between the browser, the connector and the Document
 * Server separately and says in plain words which one fails and what to change. Connector to
 * Document Server: its health check ({@code ds-healthcheck}), a signed {@code version} command
 * proving the secrets match ({@code ds-jwt}), WOPI discovery ({@code wopi-discovery}). Document
 * Server to connector: a test conversion of a file it downloads from the connector ({@code
 * ds-download}), the WOPI proofs it last signed with ({@code wopi-proof}); and back: downloading
 * the result ({@code ds-result}). Browser to Document Server: the admin page loads api.js and
 * reports ({@code browser-api-js}); the server only warns of mixed content it can foresee ({@code
 * browser-mixed-content}). Each run logs one line per check and counts the outcome; runs do not
 * overlap.
 */
@ApplicationScoped
public class SettingsCheck {

  private static final Logger LOG = Logger.getLogger(SettingsCheck.class.getName());

  @Inject Settings settings;
  @Inject DocumentServerHealth health;
  @Inject CommandServiceClient commands;
  @Inject SettingsCheckConversion conversion;
  @Inject SettingsCheckWopi wopi;
  @Inject Metrics metrics;
  @Inject Clock clock;

  private final ReentrantLock running = new ReentrantLock();
  private volatile SettingsCheckReport last;

  /**
   * Runs the check now (after a run in progress has ended).
   *
   * @param trigger who asks, for the log ({@code admin:<name>}, {@code schedule})
   * @return the report
   */
  public SettingsCheckReport run(String trigger) {
    running.lock();
    try {
      List<Finding> findings = new ArrayList<>();
      findings.add(mixedContent());
      DocumentServerHealth.Health h = health.check(settings.limits().connectTimeout());
      findings.add(healthFinding(h));
      findings.addAll(h.healthy() ? reachableChecks() : skippedChecks());
      SettingsCheckReport report =
          new SettingsCheckReport(clock.instant(), trigger, summary(), findings);
      record(report);
      last = report;
      return report;
    } finally {
      running.unlock();
    }
  }

  private Finding healthFinding(DocumentServerHealth.Health h) {
    return new Finding(
        "ds-healthcheck",
        Direction.CONNECTOR_TO_DOCUMENT_SERVER,
        h.healthy() ? Status.PASSED : Status.FAILED,
        h.healthy()
            ? "the Document Server at " + health.url() + " answers its health check"
            : h.problem().orElse("unhealthy"));
  }

  /** The checks that need the Document Server, once its health check passed. */
  private List<Finding> reachableChecks() {
    List<Finding> findings = new ArrayList<>();
    findings.add(jwt());
    if (settings.wopi().enabled()) {
      findings.addAll(wopi.run());
    }
    findings.addAll(conversion.run());
    return findings;
  }

  /** The same checks, not tried, when the Document Server cannot be reached. */
  private List<Finding> skippedChecks() {
    String why = "the Document Server is unreachable (ds-healthcheck)";
    List<Finding> findings = new ArrayList<>();
    findings.add(Finding.skipped("ds-jwt", Direction.CONNECTOR_TO_DOCUMENT_SERVER, why));
    if (settings.wopi().enabled()) {
      findings.add(Finding.skipped("wopi-discovery", Direction.CONNECTOR_TO_DOCUMENT_SERVER, why));
      findings.add(Finding.skipped("wopi-proof", Direction.DOCUMENT_SERVER_TO_CONNECTOR, why));
    }
    findings.add(Finding.skipped("ds-download", Direction.DOCUMENT_SERVER_TO_CONNECTOR, why));
    findings.add(Finding.skipped("ds-result", Direction.CONNECTOR_TO_DOCUMENT_SERVER, why));
    return findings;
  }

  /**
   * @return the last report, if the check ran since the deployment started
   */
  public Optional<SettingsCheckReport> last() {
    return Optional.ofNullable(last);
  }

  /**
   * Logs and counts what the admin page's browser found.
   *
   * @param admin who ran it
   * @param passed whether api.js loaded
   * @param message what the page found
   * @return the finding as logged
   */
  public Map<String, Object> browserReport(
      AdminGuard.Administrator admin, boolean passed, Optional<String> message) {
    Finding f =
        new Finding(
            "browser-api-js",
            Direction.BROWSER_TO_DOCUMENT_SERVER,
            passed ? Status.PASSED : Status.FAILED,
            message.orElse(passed ? "api.js loaded" : "api.js did not load"));
    log(f, "admin:" + admin.name());
    metrics.settingsCheck(f.check(), passed);
    return Map.of("check", f.check(), "status", passed ? "passed" : "failed");
  }

  private Finding jwt() {
    try {
      String version = commands.version();
      return new Finding(
          "ds-jwt",
          Direction.CONNECTOR_TO_DOCUMENT_SERVER,
          Status.PASSED,
          "the Document Server (version "
              + version
              + ") accepts the connector's signed requests: officebridge.jwt.secret matches");
    } catch (CommandServiceException e) {
      if (e.error() == CommandError.INVALID_TOKEN) {
        return new Finding(
            "ds-jwt",
            Direction.CONNECTOR_TO_DOCUMENT_SERVER,
            Status.FAILED,
            "invalid token: the Document Server refused the connector's signed version command."
                + " officebridge.jwt.secret differs from the Document Server's secret (JWT_SECRET,"
                + " services.CoAuthoring.secret.inbox), or it reads its token from another header"
                + " than officebridge.jwt.header ("
                + settings.jwt().header()
                + ")");
      }
      return new Finding(
          "ds-jwt",
          Direction.CONNECTOR_TO_DOCUMENT_SERVER,
          Status.FAILED,
          "the command service answered error " + e.code() + " (" + e.error() + ")");
    } catch (DocumentServerException e) {
      return new Finding(
          "ds-jwt",
          Direction.CONNECTOR_TO_DOCUMENT_SERVER,
          Status.FAILED,
          "the command service at "
              + settings.documentServer().internalUrl()
              + "/command cannot be used ("
              + e.getMessage()
              + "): officebridge.ds.internal-url must be the Document Server's root URL (with"
              + " its sub-path, if any)");
    }
  }

  private Finding mixedContent() {
    URI ds = settings.documentServer().publicUrl();
    Optional<URI> page = settings.editor().browserUrl();
    String apiJs = ds + "/web-apps/apps/api/documents/api.js";
    if (page.isPresent()
        && "https".equals(page.get().getScheme())
        && "http".equals(ds.getScheme())) {
      return new Finding(
          "browser-mixed-content",
          Direction.BROWSER_TO_DOCUMENT_SERVER,
          Status.FAILED,
          "the connector's pages are https (officebridge.editor.browser-url) but api.js is http ("
              + apiJs
              + "): browsers block it as mixed content; make officebridge.ds.public-url https");
    }
    return new Finding(
        "browser-mixed-content",
        Direction.BROWSER_TO_DOCUMENT_SERVER,
        Status.UNKNOWN,
        "checked in the admin page, whose browser loads " + apiJs);
  }

  private Map<String, Object> summary() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("officebridge.ds.public-url", settings.documentServer().publicUrl().toString());
    s.put("officebridge.ds.internal-url", settings.documentServer().internalUrl().toString());
    s.put("officebridge.connector.url", settings.connector().url().toString());
    s.put(
        "officebridge.ds.allowed-addresses",
        settings.documentServer().allowedAddresses().isEmpty()
            ? "the addresses of " + settings.documentServer().internalUrl().getHost()
            : settings.documentServer().allowedAddresses().toString());
    s.put("officebridge.jwt.header", settings.jwt().header());
    s.put("officebridge.wopi.enabled", settings.wopi().enabled());
    s.put("officebridge.wopi.proof-keys", settings.wopi().proofKeys().text());
    settings
        .editor()
        .browserUrl()
        .ifPresent(u -> s.put("officebridge.editor.browser-url", u.toString()));
    return s;
  }

  private void record(SettingsCheckReport report) {
    for (Finding f : report.findings()) {
      log(f, report.trigger());
      if (f.status() != Status.UNKNOWN) {
        metrics.settingsCheck(f.check(), f.status() == Status.PASSED);
      }
    }
    long failed = report.findings().stream().filter(f -> f.status() == Status.FAILED).count();
    LOG.log(
        failed == 0 ? Level.INFO : Level.WARNING,
        () ->
            LogLine.event("settings-check")
                .with("outcome", failed == 0 ? "passed" : "failed")
                .with("failed", failed)
                .with("trigger", report.trigger())
                .toString());
  }

  private static void log(Finding f, String trigger) {
    LOG.log(
        f.status() == Status.FAILED ? Level.WARNING : Level.INFO,
        () ->
            LogLine.event("settings-check")
                .with("check", f.check())
                .with("outcome", f.status().name().toLowerCase(java.util.Locale.ROOT))
                .with("trigger", trigger)
                .with("message", f.message())
                .toString());
  }
}
