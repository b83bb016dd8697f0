package org.officebridge.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.User;
import org.officebridge.web.Escape;

/**
 * The demo's document list at the application root: each document with an "Open" link through the
 * Docs API editor ({@code data-open="api"}) and an "Open via WOPI" link ({@code data-open="wopi"}),
 * its versions, and forms to switch user, upload and create documents.
 */
@WebServlet(urlPatterns = {"", "/index.html", "/demo/"})
public class DemoIndexServlet extends HttpServlet {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  @Inject DemoStorage storage;
  @Inject DemoUsers users;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    User actor = users.resolveActor(new ServletActorRequest(request)).orElseThrow();
    PrintWriter out = DemoPage.begin(response, "Documents", actor.name());
    out.println("<form class=\"inline\" method=\"post\" action=\"demo/user\">");
    out.println("<label>Act as <select name=\"user\" id=\"user-select\">");
    for (DemoUsers.Role role : DemoUsers.Role.values()) {
      User u = role.user();
      out.println(
          "<option value=\""
              + Escape.html(u.id())
              + "\""
              + (u.id().equals(actor.id()) ? " selected" : "")
              + ">"
              + Escape.html(u.name() + " (" + role.name().toLowerCase().replace('_', ' ') + ")")
              + "</option>");
    }
    out.println("</select></label> <button type=\"submit\" id=\"user-switch\">Switch</button>");
    out.println("</form>");
    out.println("<table id=\"documents\"><thead><tr><th>Name</th><th>Version</th><th>Size</th>");
    out.println("<th>Modified</th><th>Open</th></tr></thead><tbody>");
    for (DocumentInfo d : storage.listAll()) {
      String id = Escape.urlParam(d.id().value());
      out.println(
          "<tr data-doc-id=\""
              + Escape.html(d.id().value())
              + "\" data-title=\""
              + Escape.html(d.title())
              + "\" data-version=\""
              + Escape.html(d.version())
              + "\"><td class=\"title\">"
              + Escape.html(d.title())
              + "</td><td><a href=\"demo/versions?doc="
              + id
              + "\" data-versions>v"
              + Escape.html(d.version())
              + "</a></td><td>"
              + d.size()
              + " B</td><td>"
              + WHEN.format(d.lastModified())
              + "</td><td><a data-open=\"api\" href=\"editor?doc="
              + id
              + "\">Open</a> · <a data-open=\"wopi\" href=\"wopi-host?doc="
              + id
              + "\">Open via WOPI</a></td></tr>");
    }
    out.println("</tbody></table>");
    out.println("<section class=\"forms\"><form method=\"post\" action=\"demo/new\">");
    out.println("<h2>New document</h2><input name=\"title\" required placeholder=\"Name\">");
    out.println("<select name=\"type\"><option>docx</option><option>xlsx</option>");
    out.println("<option>pptx</option><option>pdf</option></select>");
    out.println("<button type=\"submit\" id=\"new-document\">Create</button></form>");
    out.println(
        "<form method=\"post\" action=\"demo/upload\" enctype=\"multipart/form-data\">"
            + "<h2>Upload</h2><input type=\"file\" name=\"file\" required>"
            + "<button type=\"submit\" id=\"upload\">Upload</button></form></section>");
    out.println("<p><a href=\"demo/mentions\" id=\"mentions-link\">Mention notifications</a></p>");
    DemoPage.end(out);
  }
}
