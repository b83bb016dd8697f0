package org.officebridge.editor;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.platform.LogLine;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditorContext;
import org.officebridge.web.Escape;

/**
 * The editor page of one document: {@code editor?doc=<id>[&mode=edit|view][&type=desktop|mobile|
 * embedded][&actionLink=<json>]}. The signed editor config and the page's texts travel in a JSON
 * data block; the page's script ({@code editor/editor.js}) creates the editor and handles its
 * events. A Content-Security-Policy allows scripts from this connector and the Document Server
 * only, and framing only by the configured ancestors.
 */
@WebServlet("/editor")
public class EditorPageServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(EditorPageServlet.class.getName());

  @Inject Settings settings;
  @Inject EditorGuard guard;
  @Inject EditorService editors;
  @Inject EditorConfigAssembler assembler;
  @Inject EditorPageModel model;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    EditorPageHeaders.apply(response, settings);
    Locale locale = request.getLocale();
    try {
      DocumentId id =
          DocumentId.parse(request.getParameter("doc"))
              .orElseThrow(() -> EditorException.badRequest("missing or malformed doc"));
      Optional<String> mode = EditorRequestParameters.mode(request.getParameter("mode"));
      EditorContext.Platform platform =
          EditorRequestParameters.platform(
              request.getParameter("type"),
              request.getHeader("User-Agent"),
              request.getHeader("Sec-CH-UA-Mobile"));
      Optional<Map<String, Object>> actionLink =
          EditorRequestParameters.actionLink(request.getParameter("actionLink"));
      EditorActor actor = guard.actor(request, id);
      locale = actor.locale();
      EditorPage page = editors.load(actor, mode, platform, actionLink, guard.browserBase(request));
      Map<String, Object> data = model.data(page, assembler.signedConfig(page), actor);
      write(response, page, data, actor.messages());
      LOG.fine(
          () ->
              LogLine.event("editor-open")
                  .with("doc", id)
                  .with("key", page.key())
                  .with("user", actor.user().id())
                  .with("mode", page.editing() ? "edit" : "view")
                  .with("type", platform)
                  .toString());
    } catch (EditorException e) {
      LOG.info(
          () ->
              LogLine.event("editor-open")
                  .with("outcome", "refused")
                  .with("status", e.status())
                  .with("reason", e.getMessage())
                  .toString());
      error(response, e, EditorMessages.forLocale(locale));
    }
  }

  private void write(
      HttpServletResponse response, EditorPage page, Map<String, Object> data, EditorMessages text)
      throws IOException {
    StringBuilder out = new StringBuilder(16 * 1024);
    String title = page.document().title();
    line(out, "<!DOCTYPE html>");
    line(out, "<html lang=\"" + Escape.html(text.language()) + "\"><head><meta charset=\"utf-8\">");
    line(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1,"
            + " maximum-scale=1, user-scalable=no\">");
    line(out, "<title>" + Escape.html(title) + "</title>");
    line(out, "<link rel=\"stylesheet\" href=\"editor/editor.css\">");
    line(
        out,
        "<script type=\"application/json\" id=\"officebridge-editor\">"
            + EditorJson.writeForScript(data)
            + "</script>");
    line(out, "<script src=\"" + Escape.html(EditorPageHeaders.apiJs(settings)) + "\"></script>");
    line(out, "<script src=\"editor/editor.js\"></script>");
    line(
        out,
        "</head><body class=\"platform-"
            + page.platform().name().toLowerCase(Locale.ROOT)
            + "\" data-mode=\""
            + (page.editing() ? "edit" : "view")
            + "\">");
    line(
        out,
        "<header id=\"officebridge-bar\"><span id=\"document-title\">"
            + Escape.html(title)
            + "</span><span id=\"officebridge-tools\"></span></header>");
    line(
        out,
        "<main id=\"officebridge-frame\"><div id=\"officebridge-placeholder\">"
            + Escape.html(text.text("page.loading"))
            + "</div></main>");
    line(out, "<div id=\"officebridge-notice\" role=\"status\" hidden></div>");
    line(out, "<dialog id=\"officebridge-dialog\"></dialog>");
    line(out, "</body></html>");
    // one write with a Content-Length: the page is larger than the container's default response
    // buffer (8 KiB); line by line it went out chunked, and written whole past the buffer it still
    // left in two socket writes, the headers and then the page
    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
    response.setContentType("text/html;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.setBufferSize(bytes.length + 8 * 1024);
    response.getOutputStream().write(bytes);
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append('\n');
  }

  private static void error(HttpServletResponse response, EditorException e, EditorMessages text)
      throws IOException {
    response.setStatus(e.status());
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html>");
    out.println(
        "<html lang=\"" + Escape.html(text.language()) + "\"><head><meta charset=\"utf-8\">");
    out.println("<title>" + Escape.html(text.text("error.title")) + "</title>");
    out.println(
        "<link rel=\"stylesheet\" href=\"editor/editor.css\"></head><body class=\"error\">");
    out.println("<h1>" + Escape.html(text.text("error.title")) + "</h1>");
    out.println(
        "<p id=\"error-message\" data-status=\""
            + e.status()
            + "\">"
            + Escape.html(text.text(e.messageKey()))
            + "</p>");
    out.println("<p><a href=\"./\">" + Escape.html(text.text("page.back")) + "</a></p>");
    out.println("</body></html>");
  }
}
