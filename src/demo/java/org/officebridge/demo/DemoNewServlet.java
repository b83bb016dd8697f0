package org.officebridge.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;

/** Creates a blank document of a chosen type and opens it in the editor. */
@WebServlet("/demo/new")
public class DemoNewServlet extends HttpServlet {

  private static final List<String> TYPES = List.of("docx", "xlsx", "pptx", "pdf");

  @Inject DemoStorage storage;
  @Inject DemoUsers users;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!DemoPage.isSameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
      return;
    }
    User actor = users.resolveActor(new ServletActorRequest(request)).orElseThrow();
    String type = request.getParameter("type");
    String base = request.getParameter("title");
    if (type == null || !TYPES.contains(type) || base == null) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "title and a known type are needed");
      return;
    }
    String title = base.strip() + "." + type;
    if (!FileNames.isValid(title)) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "that name is not accepted");
      return;
    }
    ByteArrayOutputStream blank = new ByteArrayOutputStream();
    OfficeDocuments.write(type, List.of(), blank);
    try {
      DocumentInfo created =
          storage.createDocument(
              new NewDocument(title, Optional.empty()),
              new ByteArrayInputStream(blank.toByteArray()),
              actor);
      response.sendRedirect(request.getContextPath() + "/editor?doc=" + created.id().value());
    } catch (NameConflictException e) {
      response.sendError(HttpServletResponse.SC_CONFLICT, "a document with that name exists");
    } catch (HostException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "the document cannot be created");
    }
  }
}
