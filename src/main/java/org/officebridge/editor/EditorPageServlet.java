package org.officebridge.editor;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;
import org.officebridge.web.Escape;

/**
 * The editor page of one document ({@code editor?doc=<id>}), loading the Document Server's api.js.
 */
@WebServlet("/editor")
public class EditorPageServlet extends HttpServlet {

  @Inject HostServices host;
  @Inject Settings settings;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentId> id = DocumentId.parse(request.getParameter("doc"));
    if (id.isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "missing or malformed doc");
      return;
    }
    try {
      Optional<User> actor = host.users().resolveActor(new ServletActorRequest(request));
      if (actor.isEmpty()) {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        return;
      }
      AccessRights rights = host.access().rightsFor(id.get(), actor.get());
      if (!rights.can(Permission.VIEW)) {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return;
      }
      DocumentInfo info = host.documents().describe(id.get());
      response.setContentType("text/html;charset=UTF-8");
      PrintWriter out = response.getWriter();
      out.println("<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
      out.println("<title>" + Escape.html(info.title()) + "</title>");
      out.println(
          "<script src=\""
              + Escape.html(
                  settings.documentServer().publicUrl() + "/web-apps/apps/api/documents/api.js")
              + "\"></script></head><body>");
      out.println("<h1 id=\"document-title\">" + Escape.html(info.title()) + "</h1>");
      out.println("<div id=\"editor\"></div></body></html>");
    } catch (DocumentNotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (HostUnavailableException e) {
      response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
  }
}
