package org.officebridge.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.HostException;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionInfo;
import org.officebridge.web.Escape;

/** A document's versions, each with a link to its bytes. */
@WebServlet("/demo/versions")
public class DemoVersionsServlet extends HttpServlet {

  @Inject DemoStorage storage;
  @Inject DemoUsers users;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentId> id = DocumentId.parse(request.getParameter("doc"));
    User actor = users.resolveActor(new ServletActorRequest(request)).orElseThrow();
    if (id.isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "missing or malformed doc");
      return;
    }
    try {
      DocumentInfo info = storage.describe(id.get());
      PrintWriter out = DemoPage.begin(response, "Versions of " + info.title(), actor.name());
      out.println("<table id=\"versions\"><thead><tr><th>#</th><th>Stored</th><th>By</th>");
      out.println("<th>Why</th><th>Size</th><th></th></tr></thead><tbody>");
      for (VersionInfo v : storage.listVersions(id.get())) {
        out.println(
            "<tr data-version=\""
                + Escape.html(v.version())
                + "\" data-kind=\""
                + v.kind()
                + "\" data-author=\""
                + Escape.html(v.author().id())
                + "\"><td>"
                + v.number()
                + "</td><td>"
                + v.created()
                + "</td><td>"
                + Escape.html(v.author().name())
                + "</td><td>"
                + v.kind()
                + "</td><td>"
                + v.size()
                + " B</td><td><a href=\"content?doc="
                + Escape.urlParam(id.get().value())
                + "&amp;version="
                + Escape.urlParam(v.version())
                + "\">download ."
                + Escape.html(v.fileType())
                + "</a></td></tr>");
      }
      out.println("</tbody></table><p><a href=\"../\">Back to the documents</a></p>");
      DemoPage.end(out);
    } catch (HostException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such document");
    }
  }
}
