package org.officebridge.operations;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;
import org.officebridge.security.DocumentServerAddresses;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;

/**
 * The settings check's test file, {@code settings-check/<signed link>}: downloaded by the Document
 * Server for the check's test conversion, under exactly the rules of a document download (an
 * allowed Document Server address, the Document Server's JWT for this very URL), so that passing it
 * proves documents can be downloaded too. Records how each download went ({@link
 * SettingsCheckProbes}).
 */
@WebServlet("/settings-check/*")
public class SettingsCheckFileServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(SettingsCheckFileServlet.class.getName());

  @Inject Settings settings;
  @Inject LinkSigner links;
  @Inject JwtService jwt;
  @Inject DocumentServerAddresses addresses;
  @Inject SettingsCheckProbes probes;
  @Inject Metrics metrics;

  /**
   * @param links the link signer
   * @param connectorUrl the connector's base URL as the Document Server reaches it
   * @param probe the probe id
   * @return the test file's URL
   */
  static String urlFor(LinkSigner links, String connectorUrl, String probe) {
    return connectorUrl + "/settings-check/" + links.sign(LinkPurpose.SETTINGS_CHECK, probe);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String link = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    String probe;
    try {
      probe = links.verify(link, LinkPurpose.SETTINGS_CHECK);
    } catch (InvalidTokenException e) {
      metrics.tokenRejected("settings-check", e.reason().name());
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String peer = request.getRemoteAddr();
    if (!addresses.isAllowedPeer(peer)) {
      refuse(
          response,
          probe,
          new SettingsCheckProbes.Arrival(SettingsCheckProbes.Outcome.ADDRESS, peer, "address"));
      return;
    }
    try {
      Map<String, Object> payload = jwt.verifyHeader(request.getHeader(jwt.headerName()));
      if (!(settings.connector().url() + "/settings-check/" + link).equals(payload.get("url"))) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MISMATCH);
      }
    } catch (InvalidTokenException e) {
      metrics.tokenRejected("settings-check", e.reason().name());
      String reason = e.reason().name().toLowerCase(java.util.Locale.ROOT);
      refuse(
          response,
          probe,
          new SettingsCheckProbes.Arrival(SettingsCheckProbes.Outcome.TOKEN, peer, reason));
      return;
    }
    probes.arrived(
        probe, new SettingsCheckProbes.Arrival(SettingsCheckProbes.Outcome.SERVED, peer, null));
    byte[] body = ("officebridge settings check " + probe + "\n").getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/plain;charset=UTF-8");
    response.setContentLength(body.length);
    response.setHeader("Cache-Control", "no-store");
    response.getOutputStream().write(body);
  }

  private void refuse(
      HttpServletResponse response, String probe, SettingsCheckProbes.Arrival arrival)
      throws IOException {
    probes.arrived(probe, arrival);
    LOG.warning(
        () ->
            LogLine.event("settings-check-download")
                .with("outcome", "refused")
                .with("reason", arrival.reason())
                .with("peer", arrival.peer())
                .toString());
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }
}
