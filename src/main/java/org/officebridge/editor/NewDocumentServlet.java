package org.officebridge.editor;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.Template;
import org.officebridge.spi.User;
import org.officebridge.web.Escape;

/**
 * "Create new" from the editor ({@code editorConfig.createUrl}, {@code templates[].url}, {@code
 * onRequestCreateNew}): {@code new?type=docx[&template=<id>]}. A GET shows a small form asking for
 * the name; only its POST, from this origin with the form's token, creates the document (blank, or
 * from the host's template) in the user's default place and opens it in the editor.
 */
@WebServlet("/new")
public class NewDocumentServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(NewDocumentServlet.class.getName());

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject LinkSigner links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    EditorPageHeaders.apply(response, settings);
    EditorMessages text = EditorMessages.forLocale(request.getLocale());
    try {
      User user = actor(request);
      text = EditorMessages.forLocale(settings.editor().locale().orElse(user.locale()));
      String type = type(request);
      Optional<Template> template = template(request, type, user);
      response.setContentType("text/html;charset=UTF-8");
      PrintWriter out = response.getWriter();
      out.println("<!DOCTYPE html><html lang=\"" + Escape.html(text.language()) + "\"><head>");
      out.println(
          "<meta charset=\"utf-8\"><title>" + Escape.html(text.text("new.title")) + "</title>");
      out.println(
          "<link rel=\"stylesheet\" href=\"editor/editor.css\"></head><body class=\"error\">");
      out.println("<h1>" + Escape.html(text.text("new.title")) + "</h1>");
      out.println("<form method=\"post\" action=\"new\" id=\"new-document\">");
      out.println("<input type=\"hidden\" name=\"type\" value=\"" + Escape.html(type) + "\">");
      out.println(
          "<input type=\"hidden\" name=\"token\" value=\""
              + Escape.html(links.sign(LinkPurpose.EDITOR, "new/" + tokenSubject(user)))
              + "\">");
      template.ifPresent(
          t -> {
            out.println(
                "<input type=\"hidden\" name=\"template\" value=\"" + Escape.html(t.id()) + "\">");
          });
      if (template.isPresent()) {
        out.println(
            "<p>"
                + Escape.html(text.text("new.template"))
                + ": "
                + Escape.html(template.get().title())
                + "</p>");
      }
      out.println(
          "<label>"
              + Escape.html(text.text("new.name"))
              + " <input name=\"title\" required maxlength=\"200\" value=\""
              + Escape.html(template.map(Template::title).orElse(text.text("new.title")))
              + "\"></label> <span>."
              + Escape.html(type)
              + "</span>");
      out.println(
          "<button type=\"submit\" id=\"create\">"
              + Escape.html(text.text("new.create"))
              + "</button>");
      out.println("</form></body></html>");
    } catch (EditorException e) {
      page(response, e, text);
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    EditorPageHeaders.apply(response, settings);
    EditorMessages text = EditorMessages.forLocale(request.getLocale());
    try {
      User user = actor(request);
      text = EditorMessages.forLocale(settings.editor().locale().orElse(user.locale()));
      try {
        String subject = links.verify(request.getParameter("token"), LinkPurpose.EDITOR);
        if (!subject.equals("new/" + tokenSubject(user))) {
          throw new InvalidTokenException(InvalidTokenException.Reason.MISMATCH);
        }
      } catch (InvalidTokenException e) {
        throw EditorException.forbidden("new-document token " + e.reason());
      }
      String type = type(request);
      Optional<Template> template = template(request, type, user);
      String name = request.getParameter("title");
      String title = (name == null ? "" : name.strip()) + "." + type;
      if (name == null || !FileNames.isValid(title)) {
        throw new EditorException(400, "rename.invalid", "invalid title");
      }
      DocumentInfo created = create(user, title, type, template);
      LOG.info(() -> "event=create doc=" + created.id() + " user=" + user.id());
      response.sendRedirect("editor?doc=" + Escape.urlParam(created.id().value()));
    } catch (EditorException e) {
      page(response, e, text);
    }
  }

  private DocumentInfo create(User user, String title, String type, Optional<Template> template) {
    for (int attempt = 0; ; attempt++) {
      try (InputStream in = open(user, type, template)) {
        return host.documents().createDocument(new NewDocument(title, Optional.empty()), in, user);
      } catch (NameConflictException e) {
        if (attempt > 0 || e.suggestion().isEmpty()) {
          throw EditorException.from(e);
        }
        title = e.suggestion().get();
      } catch (HostException e) {
        throw EditorException.from(e);
      } catch (IOException e) {
        throw new EditorException(503, "error.unavailable", "template unreadable");
      }
    }
  }

  private InputStream open(User user, String type, Optional<Template> template)
      throws HostException {
    if (template.isEmpty()) {
      return new ByteArrayInputStream(OfficeTemplates.blank(type));
    }
    Content content = host.templates().orElseThrow().openTemplate(template.get().id(), user);
    return content.stream();
  }

  private User actor(HttpServletRequest request) {
    try {
      return host.users()
          .resolveActor(new ServletActorRequest(request))
          .orElseThrow(() -> new EditorException(401, "error.unauthorized", "anonymous"));
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private static String type(HttpServletRequest request) {
    String type = request.getParameter("type");
    if (type == null || !OfficeTemplates.canCreate(type.toLowerCase(Locale.ROOT))) {
      throw EditorException.badRequest("type must be docx, xlsx, pptx or pdf");
    }
    return type.toLowerCase(Locale.ROOT);
  }

  private Optional<Template> template(HttpServletRequest request, String type, User user) {
    String id = request.getParameter("template");
    if (id == null || id.isEmpty()) {
      return Optional.empty();
    }
    if (host.templates().isEmpty()) {
      throw EditorException.notFound("no templates");
    }
    try {
      return Optional.of(
          host.templates().get().templates(type, user).stream()
              .filter(t -> t.id().equals(id))
              .findFirst()
              .orElseThrow(() -> EditorException.notFound("no such template")));
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private static String tokenSubject(User user) {
    return Integer.toHexString(user.id().hashCode()) + "-" + user.id().length();
  }

  private static void page(HttpServletResponse response, EditorException e, EditorMessages text)
      throws IOException {
    response.setStatus(e.status());
    response.setContentType("text/html;charset=UTF-8");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
    out.println("<title>" + Escape.html(text.text("error.title")) + "</title></head><body>");
    out.println(
        "<p id=\"error-message\" data-status=\""
            + e.status()
            + "\">"
            + Escape.html(text.text(e.messageKey()))
            + "</p></body></html>");
  }
}
