package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.ConversionClient;
import org.officebridge.documentserver.ConversionError;
import org.officebridge.documentserver.ConversionException;
import org.officebridge.documentserver.ConversionProgress;
import org.officebridge.documentserver.ConversionRequest;
import org.officebridge.documentserver.ConversionResult;
import org.officebridge.documentserver.DocumentServerException;
import org.officebridge.documentserver.ForbiddenUrlException;
import org.officebridge.operations.SettingsCheckReport.Direction;
import org.officebridge.operations.SettingsCheckReport.Finding;
import org.officebridge.operations.SettingsCheckReport.Status;
import org.officebridge.security.LinkSigner;

/**
 * The settings check's round trip: the Document Server converts a small text file that it must
 * download from the connector ({@code ds-download}: proves {@code officebridge.connector.url}
 * reaches the connector from the Document Server, past its private-address filter, with the
 * connector accepting its address and token, as for every document download and callback), then the
 * connector downloads the result ({@code ds-result}: proves the Document Server's file links, the
 * same as a callback's {@code url}, are on an address the connector fetches from).
 */
@ApplicationScoped
public class SettingsCheckConversion {

  private static final Duration POLL = Duration.ofMillis(250);

  @Inject ConversionClient conversions;
  @Inject SettingsCheckProbes probes;
  @Inject LinkSigner links;
  @Inject Settings settings;
  @Inject Clock clock;

  /**
   * @return the findings {@code ds-download} and {@code ds-result}
   */
  public List<Finding> run() {
    List<Finding> out = new ArrayList<>();
    String connector = settings.connector().url().toString();
    String probe = probes.open();
    try {
      ConversionRequest request =
          ConversionRequest.of(
              URI.create(SettingsCheckFileServlet.urlFor(links, connector, probe)),
              "txt",
              "docx",
              settings.connector().instanceId() + "-check-" + probe);
      Optional<ConversionResult> result;
      try {
        result = convert(request);
      } catch (ConversionException e) {
        out.add(failed(probe, e));
        out.add(resultSkipped("the test conversion failed"));
        return out;
      } catch (DocumentServerException e) {
        out.add(
            download(
                Status.FAILED,
                "the conversion service at "
                    + settings.documentServer().internalUrl()
                    + "/converter cannot be used ("
                    + e.getMessage()
                    + ")"));
        out.add(resultSkipped("the test conversion failed"));
        return out;
      }
      if (result.isEmpty()) {
        out.add(
            download(
                Status.FAILED,
                "the Document Server did not finish the test conversion within "
                    + settings.operations().checkTimeout().toSeconds()
                    + " s"
                    + arrivalNote(probe)
                    + "; it may be overloaded (officebridge.settings-check.timeout)"));
        out.add(resultSkipped("the test conversion did not finish"));
        return out;
      }
      String peer = probes.arrival(probe).map(a -> " (from " + a.peer() + ")").orElse("");
      out.add(
          download(
              Status.PASSED,
              "the Document Server downloaded the test file from "
                  + connector
                  + peer
                  + " and converted it: it can reach the connector for downloads and callbacks"));
      out.add(fetchResult(result.get()));
      return out;
    } finally {
      probes.close(probe);
    }
  }

  private Optional<ConversionResult> convert(ConversionRequest request) {
    Instant deadline = clock.instant().plus(settings.operations().checkTimeout());
    while (true) {
      ConversionProgress p = conversions.start(request);
      if (p.done()) {
        return p.result();
      }
      if (!clock.instant().isBefore(deadline)) {
        return Optional.empty();
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  private Finding failed(String probe, ConversionException e) {
    String connector = settings.connector().url().toString();
    if (e.error() == ConversionError.DOWNLOAD) {
      Optional<SettingsCheckProbes.Arrival> arrival = probes.arrival(probe);
      if (arrival.isEmpty()) {
        return download(
            Status.FAILED,
            "the Document Server cannot download from "
                + connector
                + ": check officebridge.connector.url, network, allowPrivateIPAddress (the"
                + " Document Server must reach this URL from its own host: not localhost from a"
                + " container; for a private address set"
                + " services.CoAuthoring.request-filtering-agent.allowPrivateIPAddress=true on the"
                + " Document Server)");
      }
      SettingsCheckProbes.Arrival a = arrival.get();
      return switch (a.outcome()) {
        case ADDRESS ->
            download(
                Status.FAILED,
                "the Document Server reached the connector from "
                    + a.peer()
                    + ", which is not an allowed Document Server address: add it to"
                    + " officebridge.ds.allowed-addresses (behind a proxy: the proxy's address)");
        case TOKEN ->
            download(
                Status.FAILED,
                "the Document Server reached the connector, but its download token was refused ("
                    + a.reason()
                    + "): "
                    + ("missing".equals(a.reason())
                        ? "it sent none in "
                            + settings.jwt().header()
                            + "; turn on its outbox token or align officebridge.jwt.header"
                        : "its outbox secret differs from officebridge.jwt.secret, or its clock"
                            + " is off"));
        case SERVED ->
            download(
                Status.FAILED,
                "the Document Server downloaded the test file but reported a download error"
                    + " (error -4): see its logs");
      };
    }
    if (e.error() == ConversionError.INVALID_TOKEN) {
      return download(
          Status.FAILED,
          "invalid token: the conversion service refused the connector's signed request;"
              + " officebridge.jwt.secret differs from the Document Server's secret");
    }
    return download(
        Status.FAILED,
        "the test conversion failed with error "
            + e.code()
            + " ("
            + e.error()
            + ")"
            + arrivalNote(probe));
  }

  private String arrivalNote(String probe) {
    return probes.arrival(probe).isPresent()
        ? " (the test file was requested from the connector)"
        : " (the test file was never requested from the connector)";
  }

  private Finding fetchResult(ConversionResult result) {
    String host = result.fileUrl().getHost();
    try (InputStream in = conversions.openResult(result)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return new Finding(
          "ds-result",
          Direction.CONNECTOR_TO_DOCUMENT_SERVER,
          Status.PASSED,
          "the connector downloaded the converted file from "
              + host
              + ": the Document Server's file links (as in callbacks) are reachable and allowed");
    } catch (ForbiddenUrlException e) {
      return new Finding(
          "ds-result",
          Direction.CONNECTOR_TO_DOCUMENT_SERVER,
          Status.FAILED,
          "the Document Server hands out file links on "
              + host
              + ", which is not an allowed Document Server address: saves would be refused too;"
              + " add its address to officebridge.ds.allowed-addresses");
    } catch (IOException e) {
      return new Finding(
          "ds-result",
          Direction.CONNECTOR_TO_DOCUMENT_SERVER,
          Status.FAILED,
          "the connector cannot download the converted file from "
              + host
              + " ("
              + e.getClass().getSimpleName()
              + "): saves would fail too; the Document Server's links must be reachable from the"
              + " connector (its public address, or a proxy, may not be)");
    }
  }

  private static Finding download(Status status, String message) {
    return new Finding("ds-download", Direction.DOCUMENT_SERVER_TO_CONNECTOR, status, message);
  }

  private static Finding resultSkipped(String why) {
    return Finding.skipped("ds-result", Direction.CONNECTOR_TO_DOCUMENT_SERVER, why);
  }
}
