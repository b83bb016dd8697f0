package org.officebridge.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.officebridge.host.HostServices;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;
import org.officebridge.session.DocumentKeys;
import org.officebridge.session.EditingSessions;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionKind;

/**
 * The save state machine: what each verified callback does to the editing session and the document,
 * and how it is answered. Callbacks of one document are handled one at a time on this node; every
 * save is recorded by a processed-event marker once stored, so a repeated callback stores nothing
 * new.
 *
 * <table>
 *   <caption>statuses</caption>
 *   <tr><th>status</th><th>action</th></tr>
 *   <tr><td>1</td><td>record the editors, refresh the lock; start the session if unseen</td></tr>
 *   <tr><td>2</td><td>store the final version (or a conflict copy), history; end the session</td></tr>
 *   <tr><td>3</td><td>keep the file as a recovery copy; end the session; tell the users</td></tr>
 *   <tr><td>4</td><td>end the session without a version</td></tr>
 *   <tr><td>6</td><td>store an intermediate version; the session and its key go on</td></tr>
 *   <tr><td>7</td><td>keep the file as a recovery copy, if any; tell the users</td></tr>
 *   <tr><td>other</td><td>acknowledge, ignore</td></tr>
 * </table>
 */
@ApplicationScoped
public class CallbackHandler {

  private static final Logger LOG = Logger.getLogger(CallbackHandler.class.getName());
  private static final Duration MARKERS_KEPT = Duration.ofDays(31);
  private static final Duration LOCK_WAIT = Duration.ofMinutes(2);
  private static final String SERVER_USER_ID = "onlyoffice-document-server";

  @Inject HostServices host;
  @Inject EditingSessions sessions;
  @Inject DocumentKeys keys;
  @Inject VersionSaver saver;
  @Inject SaveNotices notices;
  @Inject Clock clock;
  @Inject Metrics metrics;

  private final DocumentLocks locks = new DocumentLocks();

  /**
   * @param reference what the callback URL was signed for
   * @param callback the verified callback, whose key is the reference's key
   * @return how to answer it
   */
  public CallbackAnswer handle(CallbackReference reference, CallbackPayload callback) {
    CallbackStatus status = callback.status();
    if (status == CallbackStatus.OTHER) {
      return CallbackAnswer.ok("ignored");
    }
    try (DocumentLocks.Held held = locks.acquire(reference.documentId(), LOCK_WAIT)) {
      if (held == null) {
        return CallbackAnswer.retry("busy");
      }
      Call call = new Call(reference, callback);
      return switch (status) {
        case EDITING -> call.editing();
        case READY_FOR_SAVING -> call.finalSave();
        case SAVE_ERROR -> call.saveError();
        case CLOSED_WITHOUT_CHANGES -> call.closed();
        case FORCESAVE -> call.forcesave();
        case FORCESAVE_ERROR -> call.forcesaveError();
        case OTHER -> CallbackAnswer.ok("ignored");
      };
    } catch (HostUnavailableException e) {
      LOG.log(Level.FINE, "session store unavailable", e);
      return CallbackAnswer.retry("host-unavailable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CallbackAnswer.retry("interrupted");
    }
  }

  /** One callback being handled, under its document's lock. */
  private final class Call {
    private final DocumentId id;
    private final String key;
    private final CallbackReference reference;
    private final CallbackPayload callback;
    private final SessionStore store;

    Call(CallbackReference reference, CallbackPayload callback) {
      this.reference = reference;
      this.callback = callback;
      this.id = reference.documentId();
      this.key = reference.key();
      this.store = host.sessions();
    }

    CallbackAnswer editing() throws HostUnavailableException {
      if (marked(CallbackMarkers.FINAL) || marked(CallbackMarkers.CLOSED)) {
        return CallbackAnswer.ok("late-after-close");
      }
      EditingSessions.Touch touch =
          sessions.touch(id, key, reference.baseVersion(), Set.copyOf(callback.users()));
      if (touch == EditingSessions.Touch.FOREIGN) {
        metrics.lockConflict(Metrics.DOCS_API);
      }
      return CallbackAnswer.ok("session-" + touch.name().toLowerCase(Locale.ROOT));
    }

    CallbackAnswer closed() throws HostUnavailableException {
      Optional<EditingSession> ended = sessions.close(id, key);
      mark(CallbackMarkers.CLOSED);
      if (ended.isPresent() && ended.get().intermediateSaves() > 0) {
        keys.markUsed(key);
      }
      return CallbackAnswer.ok(ended.isPresent() ? "session-closed" : "no-session");
    }

    CallbackAnswer finalSave() throws HostUnavailableException {
      if (marked(CallbackMarkers.FINAL)) {
        return CallbackAnswer.ok("duplicate");
      }
      Optional<EditingSession> own = ownSession();
      String base = own.map(EditingSession::baseVersion).orElse(reference.baseVersion());
      if (callback.notModified() && ownIntermediateIsCurrent(own, base)) {
        finish();
        saver.storeHistory(id, base, callback);
        return CallbackAnswer.ok("not-modified version=" + base);
      }
      VersionSaver.Saved saved;
      try {
        saved = saver.save(id, base, callback, VersionKind.EDIT_FINAL, author(own));
      } catch (SaveFailure f) {
        return failed(f, own, SaveNotices.Kind.SAVE_FAILED, true);
      }
      finish();
      return stored(saved, own, true);
    }

    CallbackAnswer saveError() throws HostUnavailableException {
      if (marked(CallbackMarkers.FINAL)) {
        return CallbackAnswer.ok("duplicate");
      }
      Optional<EditingSession> own = ownSession();
      if (callback.url().isEmpty()) {
        notice(SaveNotices.Kind.SAVE_FAILED, own, Optional.empty(), finalEvent());
        sessions.close(id, key);
        mark(CallbackMarkers.CLOSED);
        return CallbackAnswer.fail(200, "save-error-without-file");
      }
      DocumentInfo copy;
      try {
        copy = saver.copy(id, callback, author(own), "recovered");
      } catch (SaveFailure f) {
        return failed(f, own, SaveNotices.Kind.SAVE_FAILED, true);
      }
      finish();
      notice(SaveNotices.Kind.RECOVERY_COPY, own, Optional.of(copy), finalEvent());
      return CallbackAnswer.ok("recovery-copy copy=" + copy.id());
    }

    CallbackAnswer forcesave() throws HostUnavailableException {
      if (marked(CallbackMarkers.FINAL)) {
        return CallbackAnswer.ok("stale-after-final-save");
      }
      String event = CallbackMarkers.intermediateEvent(callback);
      if (marked(CallbackMarkers.INTERMEDIATE, event)) {
        return CallbackAnswer.ok("duplicate");
      }
      Optional<EditingSession> own = ownSession();
      String base = own.map(EditingSession::baseVersion).orElse(reference.baseVersion());
      String type = "forcesavetype=" + callback.forcesaveType().name().toLowerCase(Locale.ROOT);
      if (callback.notModified() && ownIntermediateIsCurrent(own, base)) {
        mark(CallbackMarkers.INTERMEDIATE, event);
        return CallbackAnswer.ok("not-modified " + type);
      }
      VersionSaver.Saved saved;
      try {
        saved = saver.save(id, base, callback, VersionKind.EDIT_INTERMEDIATE, author(own));
      } catch (SaveFailure f) {
        return failed(f, own, SaveNotices.Kind.FORCESAVE_FAILED, false);
      }
      mark(CallbackMarkers.INTERMEDIATE, event);
      if (saved.asVersion()) {
        if (marked(CallbackMarkers.CLOSED)) {
          keys.markUsed(key);
        } else {
          sessions.recordIntermediateSave(
              id, key, saved.document().version(), Set.copyOf(callback.users()));
        }
      }
      CallbackAnswer answer = stored(saved, own, false);
      return CallbackAnswer.ok(answer.outcome() + " " + type);
    }

    CallbackAnswer forcesaveError() throws HostUnavailableException {
      String event = CallbackMarkers.intermediateEvent(callback);
      if (marked(CallbackMarkers.INTERMEDIATE, event)) {
        return CallbackAnswer.ok("duplicate");
      }
      Optional<EditingSession> own = ownSession();
      if (callback.url().isEmpty()) {
        mark(CallbackMarkers.INTERMEDIATE, event);
        notice(SaveNotices.Kind.FORCESAVE_FAILED, own, Optional.empty(), event);
        return CallbackAnswer.ok("forcesave-error-without-file");
      }
      DocumentInfo copy;
      try {
        copy = saver.copy(id, callback, author(own), "recovered");
      } catch (SaveFailure f) {
        return failed(f, own, SaveNotices.Kind.FORCESAVE_FAILED, false);
      }
      mark(CallbackMarkers.INTERMEDIATE, event);
      notice(SaveNotices.Kind.RECOVERY_COPY, own, Optional.of(copy), event);
      return CallbackAnswer.ok("recovery-copy copy=" + copy.id());
    }

    /** The final save is stored: record it, end the session, never hand out its key again. */
    private void finish() throws HostUnavailableException {
      mark(CallbackMarkers.FINAL);
      notices.resolve(id, finalEvent());
      sessions.close(id, key);
      keys.markUsed(key);
    }

    private CallbackAnswer stored(
        VersionSaver.Saved saved, Optional<EditingSession> own, boolean isFinal) {
      String event = isFinal ? finalEvent() : CallbackMarkers.intermediateEvent(callback);
      if (!isFinal) {
        notices.resolve(id, event);
      }
      if (!saved.asVersion()) {
        notice(SaveNotices.Kind.CONFLICT_COPY, own, Optional.of(saved.document()), event);
        return CallbackAnswer.ok("conflict-copy copy=" + saved.document().id());
      }
      if (isFinal) {
        saver.storeHistory(id, saved.document().version(), callback);
      }
      return CallbackAnswer.ok("saved version=" + saved.document().version());
    }

    /** A save failed: nothing was stored, and the session stays as it was; users are told. */
    private CallbackAnswer failed(
        SaveFailure f, Optional<EditingSession> own, SaveNotices.Kind kind, boolean isFinal) {
      String event = isFinal ? finalEvent() : CallbackMarkers.intermediateEvent(callback);
      notice(
          f.kind().retried() ? SaveNotices.Kind.SAVE_RETRYING : kind, own, Optional.empty(), event);
      metrics.saveFailed(Metrics.DOCS_API, f.kind().name());
      LOG.log(
          Level.FINE,
          LogLine.event("save")
              .with("doc", id)
              .with("key", key)
              .with("outcome", "failed")
              .with("reason", f.kind())
              .with("detail", f.getMessage())
              .toString(),
          f);
      return f.answer(isFinal ? "final-save-failed" : "forcesave-failed");
    }

    private String finalEvent() {
      return "final|" + key;
    }

    private Optional<EditingSession> ownSession() throws HostUnavailableException {
      return sessions.live(id).filter(s -> EditingSessions.isOwn(s, key));
    }

    /** Whether the session already stored an intermediate version and it is still current. */
    private boolean ownIntermediateIsCurrent(Optional<EditingSession> own, String base)
        throws HostUnavailableException {
      if (own.isEmpty() || own.get().intermediateSaves() == 0) {
        return false;
      }
      try {
        return host.documents().describe(id).version().equals(base);
      } catch (DocumentNotFoundException e) {
        return false;
      }
    }

    private User author(Optional<EditingSession> own) throws HostUnavailableException {
      Set<String> candidates = new LinkedHashSet<>(callback.users());
      own.ifPresent(s -> candidates.addAll(s.editors()));
      for (String userId : candidates) {
        Optional<User> user = host.users().findUser(userId);
        if (user.isPresent()) {
          return user.get();
        }
      }
      String userId =
          callback
              .lastEditor()
              .filter(u -> u.length() <= 128 && !u.isBlank())
              .orElse(SERVER_USER_ID);
      return User.of(userId, userId, Locale.ROOT);
    }

    private void notice(
        SaveNotices.Kind kind,
        Optional<EditingSession> own,
        Optional<DocumentInfo> copy,
        String event) {
      Set<String> users = new LinkedHashSet<>(callback.users());
      own.ifPresent(s -> users.addAll(s.editors()));
      notices.add(
          id, kind, users, copy.map(DocumentInfo::id), copy.map(DocumentInfo::title), event);
    }

    private boolean marked(String kind, String... more) throws HostUnavailableException {
      return store.isProcessed(CallbackMarkers.of(kind, id, key, more), clock.instant());
    }

    private void mark(String kind, String... more) throws HostUnavailableException {
      Instant now = clock.instant();
      store.markProcessed(CallbackMarkers.of(kind, id, key, more), now.plus(MARKERS_KEPT), now);
    }
  }
}
