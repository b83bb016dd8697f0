package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.officebridge.config.ProofKeyMode;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.documentserver.ForbiddenUrlException;
import org.officebridge.documentserver.LimitedInputStream;
import org.officebridge.documentserver.WopiDiscovery;
import org.officebridge.documentserver.WopiDiscoveryClient;
import org.officebridge.documentserver.WopiDiscoveryParser;
import org.officebridge.operations.SettingsCheckReport.Direction;
import org.officebridge.operations.SettingsCheckReport.Finding;
import org.officebridge.operations.SettingsCheckReport.Status;
import org.officebridge.wopi.WopiProofMonitor;

/**
 * The settings check's WOPI part, when WOPI is on: discovery can be fetched afresh and publishes
 * proof keys when {@code wopi.proof-keys=required} needs them ({@code wopi-discovery}); and the
 * proofs the Document Server actually signed its requests with verified ({@code wopi-proof}). The
 * connector cannot make the Document Server sign a request without opening an editor, so the second
 * reports what this node saw last.
 */
@ApplicationScoped
public class SettingsCheckWopi {

  @Inject Settings settings;
  @Inject DocumentServerHttp http;
  @Inject WopiDiscoveryClient discovery;
  @Inject WopiProofMonitor proofs;

  /**
   * @return the findings {@code wopi-discovery} and {@code wopi-proof}
   */
  public List<Finding> run() {
    Finding d = discovery();
    return List.of(d, proof(d));
  }

  private Finding discovery() {
    URI url = discovery.discoveryUrl();
    WopiDiscovery read;
    try {
      HttpResponse<InputStream> r =
          http.send(
              HttpRequest.newBuilder(url)
                  .timeout(settings.limits().readTimeout())
                  .header("Accept", "text/xml, application/xml")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = new LimitedInputStream(r.body(), 8L << 20)) {
        if (r.statusCode() != 200) {
          return discovery(
              Status.FAILED,
              "WOPI discovery at "
                  + url
                  + " answered HTTP "
                  + r.statusCode()
                  + ": turn WOPI on in the Document Server (wopi.enable: true), or set"
                  + " officebridge.wopi.enabled=false");
        }
        read = WopiDiscoveryParser.parse(body);
      }
    } catch (ForbiddenUrlException e) {
      return discovery(Status.FAILED, DocumentServerHealth.forbidden(url));
    } catch (IOException | RuntimeException e) {
      return discovery(
          Status.FAILED,
          "WOPI discovery at " + url + " cannot be read (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return discovery(Status.FAILED, "interrupted");
    }
    boolean keys = read.proofKeys().isPresent();
    if (!keys && settings.wopi().proofKeys() == ProofKeyMode.REQUIRED) {
      return discovery(
          Status.FAILED,
          "the Document Server publishes no WOPI proof keys, but officebridge.wopi.proof-keys="
              + "required: every WOPI request would be refused. Configure wopi.privateKey,"
              + " wopi.publicKey, wopi.modulus, wopi.exponent and the ...Old ones on the Document"
              + " Server, or set officebridge.wopi.proof-keys=if-present");
    }
    return discovery(
        Status.PASSED,
        "WOPI discovery at "
            + url
            + " lists "
            + read.actions().size()
            + " file types; proof keys "
            + (keys ? "published" : "not published (proofs are not checked)"));
  }

  private Finding proof(Finding discoveryFinding) {
    if (settings.wopi().proofKeys() == ProofKeyMode.OFF) {
      return proof(Status.SKIPPED, "not checked: officebridge.wopi.proof-keys=off");
    }
    Optional<WopiProofMonitor.Observation> valid = proofs.lastValid();
    Optional<WopiProofMonitor.Observation> failure = proofs.lastFailure();
    if (failure.isPresent() && (valid.isEmpty() || failure.get().at().isAfter(valid.get().at()))) {
      WopiProofMonitor.Observation f = failure.get();
      return proof(
          Status.FAILED,
          "the last WOPI request of the Document Server (at "
              + f.at()
              + ") was refused: "
              + f.detail()
              + ". "
              + advice(f.reason()));
    }
    if (valid.isPresent()) {
      return proof(
          Status.PASSED,
          "the last WOPI request of the Document Server (at "
              + valid.get().at()
              + ") carried a proof that verifies with the published keys");
    }
    return proof(
        discoveryFinding.status() == Status.FAILED ? Status.SKIPPED : Status.UNKNOWN,
        "no WOPI request has reached this node yet: open a document through WOPI, then run the"
            + " check again");
  }

  private static String advice(String reason) {
    return switch (reason) {
      case "stale" ->
          "The clocks of the Document Server and the connector differ by more than 20 minutes:"
              + " synchronize them (NTP).";
      case "missing", "no-keys" ->
          "Configure the proof keys on the Document Server, or set"
              + " officebridge.wopi.proof-keys=if-present.";
      case "discovery-unavailable" -> "The connector cannot read WOPI discovery: see above.";
      default ->
          "The proof keys do not match: the Document Server signs with keys its discovery does"
              + " not publish (after changing wopi.privateKey and the other keys restart all its"
              + " services; every node of a Document Server cluster needs the same keys), or it"
              + " called another URL than it signed (a proxy rewriting the path or host; set"
              + " officebridge.connector.url to the URL the Document Server uses).";
    };
  }

  private static Finding discovery(Status status, String message) {
    return new Finding("wopi-discovery", Direction.CONNECTOR_TO_DOCUMENT_SERVER, status, message);
  }

  private static Finding proof(Status status, String message) {
    return new Finding("wopi-proof", Direction.DOCUMENT_SERVER_TO_CONNECTOR, status, message);
  }
}
