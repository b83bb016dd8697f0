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
import org.officebridge.security.DocumentServerAddresses;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;

/**
 * Serves a document's content to the Document Server ({@code document.url}): {@code
 * download/<signed link>}, where the link names the document and, optionally, the version. The
 * request must come from an allowed Document Server address and carry the Document Server's JWT
 * whose {@code payload.url} is this very URL. Streams with a bounded buffer.
 */
@WebServlet("/download/*")
public class DocumentDownloadServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(DocumentDownloadServlet.class.getName());
  private static final int BUFFER = 64 * 1024;

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject LinkSigner links;
  @Inject JwtService jwt;
  @Inject DocumentServerAddresses addresses;
  @Inject Metrics metrics;

  /**
   * @param links the link signer
   * @param connectorUrl the connector's base URL as the Document Server sees it
   * @param id the document
   * @param version a version, or empty for whatever is current when the download happens
   * @return the URL to give the Document Server as {@code document.url}
   */
  public static String urlFor(
      LinkSigner links, String connectorUrl, DocumentId id, Optional<String> version) {
    String subject = id.value() + version.map(v -> "/" + v).orElse("");
    return connectorUrl + "/download/" + links.sign(LinkPurpose.DOWNLOAD, subject);
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!addresses.isAllowedPeer(request.getRemoteAddr())) {
      LOG.warning(
          () ->
              LogLine.event("download")
                  .with("outcome", "refused")
                  .with("reason", "address")
                  .with("peer", request.getRemoteAddr())
                  .toString());
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String link = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    String subject;
    try {
      subject = links.verify(link, LinkPurpose.DOWNLOAD);
      Map<String, Object> payload = jwt.verifyHeader(request.getHeader(jwt.headerName()));
      String expected = settings.connector().url() + "/download/" + link;
      if (!expected.equals(payload.get("url"))) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MISMATCH);
      }
    } catch (InvalidTokenException e) {
      metrics.tokenRejected("download", e.reason().name());
      LOG.warning(
          () ->
              LogLine.event("download")
                  .with("outcome", "refused")
                  .with("reason", e.reason())
                  .toString());
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    int slash = subject.indexOf('/');
    DocumentId id = new DocumentId(slash < 0 ? subject : subject.substring(0, slash));
    Optional<String> version =
        slash < 0 ? Optional.empty() : Optional.of(subject.substring(slash + 1));
    try (Content content = open(id, version)) {
      if (content.info().size() > settings.limits().maxFileSize()) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      response.setContentType("application/octet-stream");
      response.setContentLengthLong(content.info().size());
      response.setHeader("Cache-Control", "no-store");
      copy(content.stream(), metrics.counting(response.getOutputStream(), "document-download"));
      LOG.fine(
          () ->
              LogLine.event("download")
                  .with("doc", id)
                  .with("version", content.info().version())
                  .with("outcome", "ok")
                  .toString());
    } catch (DocumentNotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (HostUnavailableException e) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  private Content open(DocumentId id, Optional<String> version)
      throws DocumentNotFoundException, HostUnavailableException {
    if (version.isPresent() && host.versions().isPresent()) {
      return host.versions().get().openVersion(id, version.get());
    }
    return host.documents().openContent(id);
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
  }
}
