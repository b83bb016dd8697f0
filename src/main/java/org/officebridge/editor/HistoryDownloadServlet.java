package org.officebridge.editor;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.HostException;

/**
 * Serves a version's changes archive to the editor's history view: {@code history/<signed link>}
 * ({@code changesUrl} of {@code setHistoryData}). The editor fetches it from the browser, inside
 * the Document Server's frame, so the answer allows that origin (CORS) and the signed link, made
 * only for a user who may see the document and valid for {@link LinkPurpose#HISTORY}'s lifetime, is
 * the authorization. A Document Server JWT header, when sent, must match the URL.
 */
@WebServlet("/history/*")
public class HistoryDownloadServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(HistoryDownloadServlet.class.getName());

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject LinkSigner links;
  @Inject JwtService jwt;
  @Inject Metrics metrics;

  /**
   * @param links the link signer
   * @param settings the connector's settings
   * @param id a document
   * @param version a version with a changes archive
   * @return the archive's URL for {@code changesUrl}
   */
  static String urlFor(LinkSigner links, Settings settings, DocumentId id, String version) {
    return settings.connector().url()
        + "/history/"
        + links.sign(LinkPurpose.HISTORY, id.value() + "/" + version);
  }

  @Override
  protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
    cors(response);
    response.setHeader("Access-Control-Allow-Methods", "GET");
    response.setHeader("Access-Control-Allow-Headers", jwt.headerName());
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    cors(response);
    String link = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    String subject;
    try {
      subject = links.verify(link, LinkPurpose.HISTORY);
      String header = request.getHeader(jwt.headerName());
      if (header != null) {
        Map<String, Object> payload = jwt.verifyHeader(header);
        String expected = settings.connector().url() + "/history/" + link;
        if (!expected.equals(payload.get("url"))) {
          throw new InvalidTokenException(InvalidTokenException.Reason.MISMATCH);
        }
      }
    } catch (InvalidTokenException e) {
      metrics.tokenRejected("history", e.reason().name());
      LOG.warning(
          () ->
              LogLine.event("history-download")
                  .with("outcome", "refused")
                  .with("reason", e.reason())
                  .toString());
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    int slash = subject.indexOf('/');
    Optional<DocumentId> id = DocumentId.parse(slash < 0 ? "" : subject.substring(0, slash));
    if (id.isEmpty() || host.versions().isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    try {
      Optional<InputStream> zip =
          host.versions().get().openChanges(id.get(), subject.substring(slash + 1));
      if (zip.isEmpty()) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      try (InputStream in = zip.get()) {
        response.setContentType("application/zip");
        response.setHeader("Cache-Control", "private, max-age=3600");
        OutputStream out = metrics.counting(response.getOutputStream(), "history-download");
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
          out.write(buffer, 0, n);
        }
      }
    } catch (HostException e) {
      EditorException x = EditorException.from(e);
      response.sendError(x.status());
    }
  }

  private void cors(HttpServletResponse response) {
    response.setHeader(
        "Access-Control-Allow-Origin", EditorPageHeaders.documentServerOrigin(settings));
    response.setHeader("Vary", "Origin");
  }
}
