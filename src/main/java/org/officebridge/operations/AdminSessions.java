package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.documentserver.CommandError;
import org.officebridge.documentserver.CommandServiceClient;
import org.officebridge.documentserver.CommandServiceException;
import org.officebridge.documentserver.DocumentServerException;
import org.officebridge.documentserver.ForcesaveResult;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;

/**
 * The admin actions on open editing sessions and locks: list them, force a Docs API session to
 * save, release a stale session or lock, and drop a user from a Docs API session. Every action
 * names the session's document key as the administrator saw it, so it never hits a session that
 * replaced it meanwhile; each is audited.
 */
@ApplicationScoped
public class AdminSessions {

  @Inject HostServices host;
  @Inject CommandServiceClient commands;
  @Inject AdminAudit audit;
  @Inject Clock clock;

  /**
   * @return every live session, oldest first
   * @throws AdminException 503 when the session store cannot be reached
   */
  public List<Map<String, Object>> list() {
    try {
      return host.sessions().list(clock.instant()).stream()
          .sorted(Comparator.comparing(EditingSession::started))
          .map(AdminSessions::describe)
          .toList();
    } catch (HostUnavailableException e) {
      throw AdminException.unavailable("the session store cannot be reached");
    }
  }

  private static Map<String, Object> describe(EditingSession s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("document", s.documentId().value());
    out.put("protocol", s.protocol() == EditingSession.Protocol.WOPI ? "wopi" : "docs-api");
    out.put("key", s.documentKey());
    out.put("baseVersion", s.baseVersion());
    out.put("locked", s.lockId().isPresent());
    out.put("editors", s.editors().stream().sorted().toList());
    out.put("intermediateSaves", s.intermediateSaves());
    out.put("started", s.started().toString());
    out.put("expires", s.expiresAt().toString());
    return out;
  }

  /**
   * Asks the Document Server to save a Docs API session now (command {@code forcesave}); the file
   * arrives as a status-6 callback.
   *
   * @param admin who asks
   * @param id the document
   * @param key the session's key as listed
   * @return {@code {"outcome": "started" | "no-changes"}}
   */
  public Map<String, Object> forcesave(AdminGuard.Administrator admin, DocumentId id, String key) {
    AdminAudit.Target target = new AdminAudit.Target(id.value(), key, null);
    EditingSession s = docsApiSession(admin, "forcesave", id, key);
    try {
      ForcesaveResult r = commands.forcesave(s.documentKey(), Optional.empty());
      String outcome = r == ForcesaveResult.STARTED ? "started" : "no-changes";
      audit.record(admin, "forcesave", target, outcome, null);
      return Map.of("outcome", outcome);
    } catch (DocumentServerException e) {
      throw commandFailed(admin, "forcesave", target, e);
    }
  }

  /**
   * Disconnects one user from a Docs API session (command {@code drop}); they drop to viewing.
   *
   * @param admin who asks
   * @param id the document
   * @param key the session's key as listed
   * @param userId the user to drop
   * @return {@code {"outcome": "dropped"}}
   */
  public Map<String, Object> drop(
      AdminGuard.Administrator admin, DocumentId id, String key, String userId) {
    AdminAudit.Target target = new AdminAudit.Target(id.value(), key, userId);
    EditingSession s = docsApiSession(admin, "drop", id, key);
    try {
      commands.drop(s.documentKey(), List.of(userId));
      audit.record(admin, "drop", target, "dropped", null);
      return Map.of("outcome", "dropped");
    } catch (DocumentServerException e) {
      throw commandFailed(admin, "drop", target, e);
    }
  }

  /**
   * Forgets a session and its lock (for one that is stale: its editor is gone and the Document
   * Server will not end it). An edit that still arrives later is stored against the version the
   * session started from, or kept as a conflict copy.
   *
   * @param admin who asks
   * @param id the document
   * @param key the session's key as listed
   * @return {@code {"outcome": "released"}}
   */
  public Map<String, Object> release(AdminGuard.Administrator admin, DocumentId id, String key) {
    AdminAudit.Target target = new AdminAudit.Target(id.value(), key, null);
    EditingSession s = session(admin, "release", id, key);
    try {
      if (!host.sessions().remove(s)) {
        audit.record(admin, "release", target, "changed", null);
        throw AdminException.conflict(
            "session-changed", "the session changed meanwhile: reload the list and try again");
      }
    } catch (HostUnavailableException e) {
      audit.record(admin, "release", target, "failed", "session store unavailable");
      throw AdminException.unavailable("the session store cannot be reached");
    }
    audit.record(
        admin,
        "release",
        target,
        "released",
        s.protocol() == EditingSession.Protocol.WOPI ? "wopi" : "docs-api");
    return Map.of("outcome", "released");
  }

  private EditingSession session(
      AdminGuard.Administrator admin, String action, DocumentId id, String key) {
    AdminAudit.Target target = new AdminAudit.Target(id.value(), key, null);
    Optional<EditingSession> s;
    try {
      s = host.sessions().load(id, clock.instant());
    } catch (HostUnavailableException e) {
      audit.record(admin, action, target, "failed", "session store unavailable");
      throw AdminException.unavailable("the session store cannot be reached");
    }
    if (s.isEmpty()) {
      audit.record(admin, action, target, "no-session", null);
      throw AdminException.notFound("no-session", "the document has no open session any more");
    }
    if (!s.get().documentKey().equals(key)) {
      audit.record(admin, action, target, "changed", null);
      throw AdminException.conflict(
          "session-changed", "another session holds the document now: reload the list");
    }
    return s.get();
  }

  private EditingSession docsApiSession(
      AdminGuard.Administrator admin, String action, DocumentId id, String key) {
    EditingSession s = session(admin, action, id, key);
    if (s.protocol() != EditingSession.Protocol.DOCS_API) {
      audit.record(admin, action, new AdminAudit.Target(id.value(), key, null), "wopi", null);
      throw AdminException.conflict(
          "wopi-session",
          "this is a WOPI session: the Document Server's command service cannot reach it; release"
              + " its lock if it is stale");
    }
    return s;
  }

  private AdminException commandFailed(
      AdminGuard.Administrator admin, String action, AdminAudit.Target target, RuntimeException e) {
    if (e instanceof CommandServiceException c && c.error() == CommandError.KEY_NOT_FOUND) {
      audit.record(admin, action, target, "unknown-key", null);
      return AdminException.conflict(
          "unknown-key",
          "the Document Server has no session with this key: the session is stale, release it");
    }
    audit.record(admin, action, target, "failed", e.getMessage());
    return new AdminException(
        502,
        "documentserver",
        e instanceof CommandServiceException c
            ? "the Document Server answered error " + c.code() + " (" + c.error() + ")"
            : "the Document Server cannot be reached: run the settings check");
  }
}
