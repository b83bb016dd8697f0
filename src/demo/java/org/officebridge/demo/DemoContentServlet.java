package org.officebridge.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.HostException;
import org.officebridge.web.Escape;

/** Downloads one version of a document (the current one without {@code version}). */
@WebServlet("/demo/content")
public class DemoContentServlet extends HttpServlet {

  @Inject DemoStorage storage;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<DocumentId> id = DocumentId.parse(request.getParameter("doc"));
    String version = request.getParameter("version");
    if (id.isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "missing or malformed doc");
      return;
    }
    try (Content content =
        version == null ? storage.openContent(id.get()) : storage.openVersion(id.get(), version)) {
      response.setContentType("application/octet-stream");
      response.setContentLengthLong(content.info().size());
      response.setHeader("X-Demo-Version", content.info().version());
      response.setHeader(
          "Content-Disposition",
          "attachment; filename*=UTF-8''" + Escape.urlParam(content.info().title()));
      content.stream().transferTo(response.getOutputStream());
    } catch (HostException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such document or version");
    }
  }
}
