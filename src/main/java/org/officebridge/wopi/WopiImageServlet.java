package org.officebridge.wopi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;

/**
 * Serves an image picked for {@code Action_InsertGraphic}: {@code wopi-image/<signed link>}, valid
 * for ten minutes and only once (the session store remembers the link as used).
 */
@WebServlet("/wopi-image/*")
public class WopiImageServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(WopiImageServlet.class.getName());

  @Inject Settings settings;
  @Inject HostServices host;
  @Inject LinkSigner links;
  @Inject Clock clock;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String link = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
    String subject;
    try {
      subject = links.verify(link, LinkPurpose.WOPI_IMAGE);
    } catch (InvalidTokenException e) {
      LOG.warning(() -> "event=wopi-image outcome=refused reason=" + e.reason());
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    int slash = subject.indexOf('/');
    try {
      if (!settings.wopi().enabled()
          || slash <= 0
          || !host.sessions()
              .markProcessed(
                  "wopi-image:" + subject.substring(slash + 1),
                  clock.instant().plus(LinkPurpose.WOPI_IMAGE.lifetime()),
                  clock.instant())) {
        response.sendError(HttpServletResponse.SC_GONE);
        return;
      }
      try (Content content =
          host.documents().openContent(new DocumentId(subject.substring(0, slash)))) {
        String type = content.info().fileType();
        response.setContentType(
            "image/" + (type.equals("jpg") ? "jpeg" : type.toLowerCase(Locale.ROOT)));
        response.setContentLengthLong(content.info().size());
        response.setHeader("Cache-Control", "no-store");
        copy(content.stream(), response.getOutputStream());
      }
    } catch (DocumentNotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (HostUnavailableException e) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }

  private static void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
  }
}
