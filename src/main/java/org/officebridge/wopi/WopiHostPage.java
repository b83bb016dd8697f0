package org.officebridge.wopi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import org.officebridge.web.Escape;

/**
 * Writes the WOPI host page: a form that posts the access token and its expiry into the editor
 * frame at the action URL, the frame's place, and the data the page script needs (the Document
 * Server's origin to exchange PostMessages with, and the DMS links), all escaped. The
 * Content-Security-Policy allows the Document Server's origin only as a frame, a form target and an
 * image source.
 */
final class WopiHostPage {

  private WopiHostPage() {}

  /**
   * What the page shows.
   *
   * @param title the document's title
   * @param language the page's language tag
   * @param actionUrl the discovery action URL the form posts to
   * @param accessToken the access token
   * @param accessTokenTtl its expiry, epoch milliseconds
   * @param action the chosen action's name
   * @param documentId the document id
   * @param closeUrl where UI_Close goes
   * @param editUrl where UI_Edit goes
   * @param versionsUrl the version list, if any
   * @param sharingUrl the sharing settings, if any
   * @param imagesUrl the image picker, if any
   * @param favIconUrl the client's favicon, if published
   */
  record Model(
      String title,
      String language,
      String actionUrl,
      String accessToken,
      long accessTokenTtl,
      String action,
      String documentId,
      String closeUrl,
      String editUrl,
      Optional<String> versionsUrl,
      Optional<String> sharingUrl,
      Optional<String> imagesUrl,
      Optional<String> favIconUrl) {}

  static void write(HttpServletResponse response, Model m) throws IOException {
    String ds = WopiLinks.origin(URI.create(m.actionUrl()));
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: "
            + ds
            + "; frame-src 'self' "
            + ds
            + "; form-action "
            + ds
            + "; connect-src 'self'; frame-ancestors 'self' "
            + ds
            + "; base-uri 'none'");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"" + Escape.html(m.language()) + "\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>" + Escape.html(m.title()) + "</title>");
    m.favIconUrl()
        .filter(u -> u.startsWith(ds + "/"))
        .ifPresent(u -> out.println("<link rel=\"icon\" href=\"" + Escape.html(u) + "\">"));
    out.println("<link rel=\"stylesheet\" href=\"wopi-host/host.css\">");
    out.println("<script src=\"wopi-host/host.js\" defer></script></head><body>");
    out.println(
        "<div id=\"wopi-host\" data-ds-origin=\""
            + Escape.html(ds)
            + "\" data-action=\""
            + Escape.html(m.action())
            + "\" data-doc=\""
            + Escape.html(m.documentId())
            + "\" data-close-url=\""
            + Escape.html(m.closeUrl())
            + "\" data-edit-url=\""
            + Escape.html(m.editUrl())
            + "\""
            + data("versions-url", m.versionsUrl())
            + data("sharing-url", m.sharingUrl())
            + data("images-url", m.imagesUrl())
            + ">");
    out.println("<h1 id=\"document-title\">" + Escape.html(m.title()) + "</h1>");
    out.println(
        "<form id=\"office_form\" name=\"office_form\" target=\"office_frame\" method=\"post\""
            + " action=\""
            + Escape.html(m.actionUrl())
            + "\">");
    out.println(
        "<input name=\"access_token\" type=\"hidden\" value=\""
            + Escape.html(m.accessToken())
            + "\">");
    out.println(
        "<input name=\"access_token_ttl\" type=\"hidden\" value=\"" + m.accessTokenTtl() + "\">");
    out.println("</form>");
    out.println("<span id=\"frameholder\"></span>");
    out.println(
        "<div id=\"wopi-panel\" hidden><div class=\"bar\"><strong id=\"wopi-panel-title\"></strong>"
            + "<button type=\"button\" id=\"wopi-panel-close\">Close</button></div>"
            + "<div id=\"wopi-panel-body\"></div></div>");
    out.println("<ol id=\"wopi-events\" hidden></ol>");
    out.println("</div></body></html>");
  }

  private static String data(String name, Optional<String> value) {
    return value.map(v -> " data-" + name + "=\"" + Escape.html(v) + "\"").orElse("");
  }

  /**
   * A short page for a refusal the user sees (no access, unsupported type, WOPI off).
   *
   * @param response the response
   * @param status the HTTP status
   * @param message what to tell the user
   * @throws IOException when writing fails
   */
  static void error(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; base-uri 'none'");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<title>Cannot open the document</title></head>");
    out.println("<body><p id=\"wopi-error\">" + Escape.html(message) + "</p></body></html>");
  }
}
