package org.officebridge.operations;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officebridge.config.Settings;
import org.officebridge.web.Escape;

/**
 * The admin page, {@code admin}: the settings check (the connector's checks through {@code
 * api/admin/settings-check}, and the browser's own: it loads the Document Server's api.js and
 * reports), the open editing sessions and locks with their actions, and the forgotten files. The
 * page carries the token its changes send; its script is {@code admin/admin.js}. Administrators
 * only.
 */
@WebServlet("/admin")
public class AdminPageServlet extends HttpServlet {

  @Inject Settings settings;
  @Inject AdminGuard guard;
  @Inject Jsonb jsonb;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    headers(response);
    AdminGuard.Administrator admin;
    try {
      admin = guard.require(request, "admin-page");
    } catch (AdminException e) {
      error(response, e);
      return;
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("token", guard.token(admin));
    data.put("admin", admin.name());
    data.put("apiJs", apiJs());
    data.put("documentServer", settings.documentServer().publicUrl().toString());
    data.put("wopi", settings.wopi().enabled());
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html>");
    out.println("<html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<title>officebridge administration</title>");
    out.println("<link rel=\"stylesheet\" href=\"admin/admin.css\">");
    out.println(
        "<script type=\"application/json\" id=\"officebridge-admin\">"
            + Escape.jsonInScript(jsonb.toJson(data))
            + "</script>");
    out.println("<script src=\"admin/admin.js\" defer></script>");
    out.println("</head><body>");
    out.println(
        "<header><h1>officebridge administration</h1><p>Signed in as <span id=\"admin-name\">"
            + Escape.html(admin.name())
            + "</span></p></header>");
    out.println("<main>");
    out.println(
        "<section id=\"settings-check\"><h2>Settings check</h2>"
            + "<p>Each direction between this browser, the connector and the Document Server is"
            + " tried on its own.</p><button id=\"run-check\" type=\"button\">Run the check"
            + "</button><table><thead><tr><th>check</th><th>direction</th><th>status</th>"
            + "<th>what it found</th></tr></thead><tbody id=\"check-results\"></tbody></table>"
            + "</section>");
    out.println(
        "<section id=\"sessions\"><h2>Open editing sessions and locks</h2>"
            + "<button id=\"refresh-sessions\" type=\"button\">Refresh</button>"
            + "<table><thead><tr><th>document</th><th>protocol</th><th>key</th><th>editors</th>"
            + "<th>started</th><th>expires</th><th></th></tr></thead>"
            + "<tbody id=\"session-rows\"></tbody></table></section>");
    out.println(
        "<section id=\"forgotten\"><h2>Forgotten files</h2>"
            + "<p>Files the Document Server kept because no final save was acknowledged.</p>"
            + "<button id=\"refresh-forgotten\" type=\"button\">Refresh</button>"
            + "<table><thead><tr><th>key</th><th>document</th><th></th></tr></thead>"
            + "<tbody id=\"forgotten-rows\"></tbody></table></section>");
    out.println("<p id=\"admin-status\" role=\"status\"></p>");
    out.println("</main></body></html>");
  }

  private String apiJs() {
    return settings.documentServer().publicUrl() + "/web-apps/apps/api/documents/api.js";
  }

  private void headers(HttpServletResponse response) {
    URI ds = settings.documentServer().publicUrl();
    String origin = ds.getScheme() + "://" + ds.getRawAuthority();
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self' "
            + origin
            + "; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'none'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
  }

  private static void error(HttpServletResponse response, AdminException e) throws IOException {
    response.setStatus(e.status());
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<title>officebridge administration</title>");
    out.println("<link rel=\"stylesheet\" href=\"admin/admin.css\"></head><body>");
    out.println(
        "<p id=\"error-message\" data-status=\""
            + e.status()
            + "\">"
            + Escape.html(e.getMessage())
            + "</p></body></html>");
  }
}
