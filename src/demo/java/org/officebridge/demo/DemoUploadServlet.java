package org.officebridge.demo;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * Uploads a file as a new document, or with {@code doc} as a new version of that document (which is
 * how a change made outside the editor reaches the demo DMS).
 */
@WebServlet("/demo/upload")
@MultipartConfig(fileSizeThreshold = 1 << 20)
public class DemoUploadServlet extends HttpServlet {

  @Inject DemoStorage storage;
  @Inject DemoUsers users;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!DemoPage.isSameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
      return;
    }
    User actor = users.resolveActor(new ServletActorRequest(request)).orElseThrow();
    Part part = request.getPart("file");
    String name = part == null ? null : part.getSubmittedFileName();
    if (name == null || !FileNames.isValid(name) || FileNames.extension(name).isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "a file with a valid name is needed");
      return;
    }
    Optional<DocumentId> target = DocumentId.parse(request.getParameter("doc"));
    try (InputStream in = part.getInputStream()) {
      if (target.isPresent()) {
        DocumentInfo current = storage.describe(target.get());
        storage.storeVersion(
            target.get(),
            new VersionRequest(
                current.version(),
                FileNames.extension(name),
                actor,
                VersionKind.UPLOAD,
                Optional.empty()),
            in);
      } else {
        storage.createDocument(new NewDocument(name, Optional.empty()), in, actor);
      }
      response.sendRedirect(request.getContextPath() + "/");
    } catch (NameConflictException e) {
      response.sendError(HttpServletResponse.SC_CONFLICT, "a document with that name exists");
    } catch (InvalidNameException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "that name is not accepted");
    } catch (HostException e) {
      response.sendError(HttpServletResponse.SC_CONFLICT, "the document changed or is gone");
    }
  }
}
