package org.officebridge.wopi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionInfo;
import org.officebridge.web.Escape;

/**
 * The DMS panels the host page opens on the editor's PostMessages: the version list ({@code
 * UI_FileVersions}, also the CheckFileInfo {@code FileVersionUrl}), the sharing settings ({@code
 * UI_Sharing}) and the image picker ({@code UI_InsertGraphic}). Picking an image (a same-origin
 * POST) gives a link the Document Server can download once, within ten minutes.
 */
@WebServlet({"/wopi-host/versions", "/wopi-host/sharing", "/wopi-host/images"})
public class WopiPanelsServlet extends HttpServlet {

  /** The image types offered in the picker. */
  static final Set<String> IMAGE_TYPES = Set.of("png", "jpg", "jpeg", "gif", "bmp");

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Settings settings;
  @Inject HostServices host;
  @Inject LinkSigner links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentId> id = DocumentId.parse(request.getParameter("doc"));
    if (!settings.wopi().enabled() || id.isEmpty()) {
      WopiHostPage.error(response, 404, "There is no such page.");
      return;
    }
    try {
      Optional<User> actor = host.users().resolveActor(new ServletActorRequest(request));
      if (actor.isEmpty()) {
        WopiHostPage.error(response, 401, "Please sign in to the DMS first.");
        return;
      }
      if (!host.access().rightsFor(id.get(), actor.get()).can(Permission.VIEW)) {
        WopiHostPage.error(response, 404, "There is no such document.");
        return;
      }
      DocumentInfo info = host.documents().describe(id.get());
      switch (request.getServletPath()) {
        case "/wopi-host/versions" -> versions(response, info);
        case "/wopi-host/sharing" -> sharing(response, info);
        default -> images(response, actor.get());
      }
    } catch (DocumentNotFoundException e) {
      WopiHostPage.error(response, 404, "There is no such document.");
    } catch (HostException e) {
      WopiHostPage.error(response, 503, "The DMS is not available. Try again later.");
    }
  }

  private void versions(HttpServletResponse response, DocumentInfo info)
      throws IOException, HostException {
    if (host.versions().isEmpty()) {
      WopiHostPage.error(response, 404, "This DMS keeps no versions.");
      return;
    }
    List<VersionInfo> all = host.versions().get().listVersions(info.id());
    PrintWriter out = begin(response, "Versions of " + info.title());
    out.println("<table id=\"wopi-versions\"><thead><tr><th>#</th><th>Saved</th><th>By</th>");
    out.println("<th>Size</th><th>Kind</th></tr></thead><tbody>");
    for (int i = all.size() - 1; i >= 0; i--) {
      VersionInfo v = all.get(i);
      out.println(
          "<tr data-version=\""
              + Escape.html(v.version())
              + "\"><td>"
              + v.number()
              + "</td><td>"
              + WHEN.format(v.created())
              + "</td><td>"
              + Escape.html(v.author().name())
              + "</td><td>"
              + v.size()
              + " B</td><td>"
              + Escape.html(v.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
              + "</td></tr>");
    }
    out.println("</tbody></table>");
    end(out);
  }

  private void sharing(HttpServletResponse response, DocumentInfo info)
      throws IOException, HostException {
    if (host.sharing().isEmpty()) {
      WopiHostPage.error(response, 404, "This DMS shows no sharing settings.");
      return;
    }
    List<ShareEntry> entries = host.sharing().get().sharing(info.id());
    PrintWriter out = begin(response, "Shared: " + info.title());
    out.println("<ul id=\"wopi-sharing\">");
    for (ShareEntry e : entries) {
      out.println(
          "<li>"
              + Escape.html(e.displayName())
              + " - "
              + Escape.html(e.level().name().toLowerCase(Locale.ROOT).replace('_', ' '))
              + "</li>");
    }
    if (entries.isEmpty()) {
      out.println("<li>Not shared with anyone.</li>");
    }
    out.println("</ul><p>Sharing is changed in the DMS.</p>");
    end(out);
  }

  private void images(HttpServletResponse response, User actor) throws IOException, HostException {
    List<DocumentInfo> images =
        host.catalog().isEmpty()
            ? List.of()
            : host.catalog().get().recentDocuments(actor, IMAGE_TYPES, 50);
    PrintWriter out = begin(response, "Insert an image from the DMS");
    if (images.isEmpty()) {
      out.println(
          "<p id=\"wopi-images-none\">Inserting images from the DMS is not available: there are"
              + " no images you may use.</p>");
    } else {
      out.println("<ul id=\"wopi-images\">");
      for (DocumentInfo image : images) {
        out.println(
            "<li><button type=\"button\" data-image=\""
                + Escape.html(image.id().value())
                + "\">"
                + Escape.html(image.title())
                + "</button></li>");
      }
      out.println("</ul>");
    }
    end(out);
  }

  /** Picking an image: a one-time download link for the Document Server, as JSON. */
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentId> image = DocumentId.parse(request.getParameter("image"));
    if (!settings.wopi().enabled()
        || !"/wopi-host/images".equals(request.getServletPath())
        || image.isEmpty()) {
      response.sendError(404);
      return;
    }
    if (!WopiHostServlet.isSameOrigin(request)) {
      response.sendError(403);
      return;
    }
    try {
      Optional<User> actor = host.users().resolveActor(new ServletActorRequest(request));
      if (actor.isEmpty()) {
        response.sendError(401);
        return;
      }
      DocumentInfo info = host.documents().describe(image.get());
      if (!host.access().rightsFor(image.get(), actor.get()).can(Permission.VIEW)
          || !IMAGE_TYPES.contains(info.fileType())) {
        response.sendError(404);
        return;
      }
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      String link =
          links.sign(
              LinkPurpose.WOPI_IMAGE, image.get().value() + "/" + HexFormat.of().formatHex(nonce));
      response.setContentType("application/json;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response
          .getWriter()
          .print(
              "{\"url\":\""
                  + Escape.jsString(settings.connector().url() + "/wopi-image/" + link)
                  + "\"}");
    } catch (DocumentNotFoundException e) {
      response.sendError(404);
    } catch (HostException e) {
      response.sendError(503);
    }
  }

  private static PrintWriter begin(HttpServletResponse response, String title) throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " frame-ancestors 'self'; base-uri 'none'");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<title>" + Escape.html(title) + "</title>");
    out.println("<link rel=\"stylesheet\" href=\"host.css\">");
    out.println("<script src=\"panel.js\" defer></script></head><body class=\"panel\">");
    out.println("<h2>" + Escape.html(title) + "</h2>");
    return out;
  }

  private static void end(PrintWriter out) {
    out.println("</body></html>");
  }
}
