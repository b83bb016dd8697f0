package org.officebridge.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.officebridge.spi.DocumentId;

/**
 * The admin endpoints under {@code api/admin}: who is asking (with the token for changes), the
 * editing sessions and locks, forgotten files, and the settings check. Reads need an administrator
 * ({@link AdminGuard#require}); changes also a same-origin request with the admin page's token
 * ({@link AdminGuard#requireForChange}). Every change is audited.
 */
@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

  @Inject AdminGuard guard;
  @Inject AdminSessions sessions;
  @Inject ForgottenFiles forgotten;
  @Inject SettingsCheck check;
  @Context HttpServletRequest request;

  /**
   * @return the administrator and the token the admin page (or a script) sends with changes
   */
  @GET
  @Path("whoami")
  public Map<String, Object> whoami() {
    AdminGuard.Administrator admin = guard.require(request, "whoami");
    return Map.of("admin", admin.name(), "via", admin.via(), "token", guard.token(admin));
  }

  /**
   * @return every open editing session and lock
   */
  @GET
  @Path("sessions")
  public List<Map<String, Object>> sessions() {
    guard.require(request, "list-sessions");
    return sessions.list();
  }

  /**
   * @param doc the document
   * @param body {@code {"key": <session key>}}
   * @return the outcome
   */
  @POST
  @Path("sessions/{doc}/forcesave")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> forcesave(@PathParam("doc") String doc, InputStream body) {
    AdminGuard.Administrator admin = guard.requireForChange(request, "forcesave");
    JsonObject o = AdminBodies.object(body);
    return sessions.forcesave(
        admin, document(doc), AdminBodies.key(AdminBodies.string(o, "key", 128)));
  }

  /**
   * @param doc the document
   * @param body {@code {"key": <session key>}}
   * @return the outcome
   */
  @POST
  @Path("sessions/{doc}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> release(@PathParam("doc") String doc, InputStream body) {
    AdminGuard.Administrator admin = guard.requireForChange(request, "release");
    JsonObject o = AdminBodies.object(body);
    return sessions.release(admin, document(doc), AdminBodies.string(o, "key", 1024));
  }

  /**
   * @param doc the document
   * @param body {@code {"key": <session key>, "user": <user id>}}
   * @return the outcome
   */
  @POST
  @Path("sessions/{doc}/drop")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> drop(@PathParam("doc") String doc, InputStream body) {
    AdminGuard.Administrator admin = guard.requireForChange(request, "drop");
    JsonObject o = AdminBodies.object(body);
    return sessions.drop(
        admin,
        document(doc),
        AdminBodies.key(AdminBodies.string(o, "key", 128)),
        AdminBodies.string(o, "user", 128));
  }

  /**
   * @return the Document Server's forgotten files
   */
  @GET
  @Path("forgotten")
  public List<Map<String, Object>> forgotten() {
    guard.require(request, "list-forgotten");
    return forgotten.list();
  }

  /**
   * @param key the forgotten file's key
   * @param body {@code {"as": "version" | "copy", "doc": <document id, optional>}}
   * @return the outcome
   */
  @POST
  @Path("forgotten/{key}/recover")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> recover(@PathParam("key") String key, InputStream body) {
    AdminGuard.Administrator admin = guard.requireForChange(request, "recover");
    JsonObject o = AdminBodies.object(body);
    ForgottenFiles.Recovery how =
        switch (AdminBodies.string(o, "as", 16).toLowerCase(Locale.ROOT)) {
          case "version" -> ForgottenFiles.Recovery.VERSION;
          case "copy" -> ForgottenFiles.Recovery.COPY;
          default -> throw AdminException.badRequest("as must be version or copy");
        };
    Optional<DocumentId> target = AdminBodies.optionalString(o, "doc", 200).map(this::document);
    return forgotten.recover(admin, AdminBodies.key(key), how, target);
  }

  /**
   * @param key the forgotten file's key
   * @return the outcome
   */
  @POST
  @Path("forgotten/{key}/delete")
  public Map<String, Object> deleteForgotten(@PathParam("key") String key) {
    AdminGuard.Administrator admin = guard.requireForChange(request, "delete-forgotten");
    return forgotten.delete(admin, AdminBodies.key(key));
  }

  /**
   * Runs the settings check's connector-side parts (connector to Document Server, Document Server
   * to connector) now; the browser part runs in the admin page.
   *
   * @return the report
   */
  @GET
  @Path("settings-check")
  public Map<String, Object> settingsCheck() {
    AdminGuard.Administrator admin = guard.require(request, "settings-check");
    return check.run("admin:" + admin.name()).toJson();
  }

  /**
   * The admin page reports what the browser found (api.js reachable, no mixed content), so that it
   * is logged with the rest.
   *
   * @param body {@code {"outcome": "passed" | "failed", "message": <text>}}
   * @return the outcome as logged
   */
  @POST
  @Path("settings-check/browser")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> browserCheck(InputStream body) {
    AdminGuard.Administrator admin = guard.requireForChange(request, "settings-check-browser");
    JsonObject o = AdminBodies.object(body);
    boolean passed =
        switch (AdminBodies.string(o, "outcome", 16)) {
          case "passed" -> true;
          case "failed" -> false;
          default -> throw AdminException.badRequest("outcome must be passed or failed");
        };
    return check.browserReport(admin, passed, AdminBodies.optionalString(o, "message", 500));
  }

  private DocumentId document(String doc) {
    return DocumentId.parse(doc)
        .orElseThrow(
            () ->
                AdminException.badRequest(
                    "not a document id: 1-200 characters of 0-9 A-Z a-z - . _ ="));
  }
}
