package org.officebridge.callback;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officebridge.host.HostServices;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.session.EditingSessions;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

/**
 * {@code GET api/editor/status?doc=<id>}: what the acting user should know about saving a document,
 * for the editor page to poll: whether an editing session is open, and the notices about failed
 * saves, saves being retried, recovery and conflict copies. A user sees the notices of the sessions
 * they were in, or all of them with edit rights; a copy is named only to users who may view it. 401
 * without a user, 404 for a document the user may not view.
 */
@Path("editor/status")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EditorStatusResource {

  /**
   * The answer.
   *
   * @param document the document id
   * @param session the open session, if any
   * @param notices the notices the user may see, oldest first
   */
  public record Status(String document, SessionView session, List<NoticeView> notices) {}

  /**
   * An open editing session.
   *
   * @param protocol {@code DOCS_API} or {@code WOPI}
   * @param editors how many users are in it
   * @param intermediateSaves how many intermediate versions it stored
   * @param started when it started
   * @param expires when its lock lapses without further callbacks
   */
  public record SessionView(
      String protocol, int editors, int intermediateSaves, String started, String expires) {}

  /**
   * A notice.
   *
   * @param id an opaque id (for the page to tell new notices from seen ones)
   * @param kind what happened ({@link SaveNotices.Kind})
   * @param at when (ISO-8601)
   * @param message a sentence for the user
   * @param copyId the copy's document id, if one was made and the user may view it
   * @param copyTitle the copy's title, under the same condition
   */
  public record NoticeView(
      String id, String kind, String at, String message, String copyId, String copyTitle) {}

  @Inject HostServices host;
  @Inject SaveNotices notices;
  @Inject EditingSessions sessions;
  @Context HttpServletRequest request;

  /**
   * @param doc the document id
   * @return the status, or 400 / 401 / 404 / 503
   */
  @GET
  public Response status(@QueryParam("doc") String doc) {
    Optional<DocumentId> id = DocumentId.parse(doc);
    if (id.isEmpty()) {
      return Response.status(Response.Status.BAD_REQUEST).build();
    }
    try {
      Optional<User> actor = host.users().resolveActor(new ServletActorRequest(request));
      if (actor.isEmpty()) {
        return Response.status(Response.Status.UNAUTHORIZED).build();
      }
      AccessRights rights = host.access().rightsFor(id.get(), actor.get());
      if (!rights.can(Permission.VIEW)) {
        return Response.status(Response.Status.NOT_FOUND).build();
      }
      CacheControl noStore = new CacheControl();
      noStore.setNoStore(true);
      Status status =
          new Status(
              id.get().value(),
              sessions.live(id.get()).map(EditorStatusResource::view).orElse(null),
              visibleNotices(id.get(), actor.get(), rights.can(Permission.EDIT)));
      return Response.ok(status).cacheControl(noStore).build();
    } catch (DocumentNotFoundException e) {
      return Response.status(Response.Status.NOT_FOUND).build();
    } catch (HostUnavailableException e) {
      return Response.status(Response.Status.SERVICE_UNAVAILABLE).build();
    }
  }

  private List<NoticeView> visibleNotices(DocumentId id, User actor, boolean canEdit)
      throws HostUnavailableException {
    List<NoticeView> out = new ArrayList<>();
    for (SaveNotices.Notice n : notices.list(id)) {
      if (canEdit || n.users().contains(actor.id())) {
        boolean showCopy = n.copy().isPresent() && mayView(n.copy().get(), actor);
        out.add(
            new NoticeView(
                n.id(),
                n.kind().name(),
                n.at().toString(),
                message(n.kind()),
                showCopy ? n.copy().get().value() : null,
                showCopy ? n.copyTitle().orElse(null) : null));
      }
    }
    return out;
  }

  private boolean mayView(DocumentId copy, User actor) throws HostUnavailableException {
    try {
      return host.access().rightsFor(copy, actor).can(Permission.VIEW);
    } catch (DocumentNotFoundException e) {
      return false;
    }
  }

  private static SessionView view(EditingSession s) {
    return new SessionView(
        s.protocol().name(),
        s.editors().size(),
        s.intermediateSaves(),
        s.started().toString(),
        s.expiresAt().toString());
  }

  static String message(SaveNotices.Kind kind) {
    return switch (kind) {
      case SAVE_RETRYING ->
          "Saving your changes failed for a passing reason; ONLYOFFICE is trying again.";
      case SAVE_FAILED ->
          "Your changes could not be saved. ONLYOFFICE kept them; an administrator can recover"
              + " them.";
      case FORCESAVE_FAILED ->
          "An intermediate save failed. Keep editing: your changes are saved when everyone"
              + " closes the document.";
      case RECOVERY_COPY ->
          "ONLYOFFICE reported an error while saving. What it could save was kept as a recovery"
              + " copy beside the document.";
      case CONFLICT_COPY ->
          "The document was changed by someone else while you edited it. Your version was saved"
              + " as a copy beside it.";
    };
  }
}
