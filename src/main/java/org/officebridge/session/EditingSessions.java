package org.officebridge.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.SessionStore;

/**
 * The Docs API editing sessions as the callbacks move them along, each change a compare-and-set on
 * the {@link SessionStore} retried a few times. A session belongs to one document key; a callback
 * for another key never changes it. The session's lock id is its document key (as ONLYOFFICE's own
 * WOPI lock id is its document id), and the lock lapses {@code session.ttl} after the last
 * callback.
 */
@ApplicationScoped
public class EditingSessions {

  private static final int ATTEMPTS = 20;

  /** What a status-1 callback did to the session record. */
  public enum Touch {
    /** No session was recorded: one was started from the callback. */
    STARTED,
    /** The session's editors and expiry were updated. */
    REFRESHED,
    /** Another session (another key, or WOPI) holds the document; nothing changed. */
    FOREIGN
  }

  private HostServices host;
  private Settings settings;
  private Clock clock;

  /** For CDI. */
  protected EditingSessions() {}

  /**
   * @param host the host's session store
   * @param settings the session lifetime
   * @param clock the time source
   */
  @Inject
  public EditingSessions(HostServices host, Settings settings, Clock clock) {
    this.host = host;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * @param id a document
   * @return its live session, whichever protocol opened it
   * @throws HostUnavailableException when the session store cannot be reached
   */
  public Optional<EditingSession> live(DocumentId id) throws HostUnavailableException {
    return host.sessions().load(id, clock.instant());
  }

  /**
   * Records who is editing and refreshes the lock (status 1); starts the session when none is
   * recorded (the connector did not see it start).
   *
   * @param id the document
   * @param key the session's document key
   * @param baseVersion the version the session is based on, if it has to be started
   * @param editors who is in the session now
   * @return what changed
   * @throws HostUnavailableException when the session store cannot be reached or keeps changing
   */
  public Touch touch(DocumentId id, String key, String baseVersion, Set<String> editors)
      throws HostUnavailableException {
    SessionStore store = host.sessions();
    for (int i = 0; i < ATTEMPTS; i++) {
      Instant now = clock.instant();
      Optional<EditingSession> current = store.load(id, now);
      if (current.isEmpty()) {
        if (store.insert(started(id, key, baseVersion, editors, 0, now), now)) {
          return Touch.STARTED;
        }
      } else if (!isOwn(current.get(), key)) {
        return Touch.FOREIGN;
      } else {
        EditingSession s = current.get();
        if (store.replace(s, next(s, s.baseVersion(), editors, s.intermediateSaves(), now), now)) {
          return Touch.REFRESHED;
        }
      }
    }
    throw new HostUnavailableException("the session of " + id + " keeps changing");
  }

  /**
   * Moves the session forward after an intermediate version was stored (status 6): the next save is
   * based on it, and the session lives on. Starts the session when none is recorded; leaves another
   * key's session alone.
   *
   * @param id the document
   * @param key the session's document key
   * @param storedVersion the version just stored
   * @param editors who is in the session, if known (kept as they are when empty)
   * @throws HostUnavailableException when the session store cannot be reached or keeps changing
   */
  public void recordIntermediateSave(
      DocumentId id, String key, String storedVersion, Set<String> editors)
      throws HostUnavailableException {
    SessionStore store = host.sessions();
    for (int i = 0; i < ATTEMPTS; i++) {
      Instant now = clock.instant();
      Optional<EditingSession> current = store.load(id, now);
      if (current.isEmpty()) {
        if (store.insert(started(id, key, storedVersion, editors, 1, now), now)) {
          return;
        }
      } else if (!isOwn(current.get(), key)) {
        return;
      } else {
        EditingSession s = current.get();
        Set<String> who = editors.isEmpty() ? s.editors() : editors;
        if (store.replace(s, next(s, storedVersion, who, s.intermediateSaves() + 1, now), now)) {
          return;
        }
      }
    }
    throw new HostUnavailableException("the session of " + id + " keeps changing");
  }

  /**
   * Ends the session of a key (status 2, 3, 4) and with it the lock.
   *
   * @param id the document
   * @param key the session's document key
   * @return the session as it was when it ended, or empty when no session of that key was live
   * @throws HostUnavailableException when the session store cannot be reached or keeps changing
   */
  public Optional<EditingSession> close(DocumentId id, String key) throws HostUnavailableException {
    SessionStore store = host.sessions();
    for (int i = 0; i < ATTEMPTS; i++) {
      Optional<EditingSession> current = store.load(id, clock.instant());
      if (current.isEmpty() || !isOwn(current.get(), key)) {
        return Optional.empty();
      }
      if (store.remove(current.get())) {
        return current;
      }
    }
    throw new HostUnavailableException("the session of " + id + " keeps changing");
  }

  /**
   * @param session a live session
   * @param key a document key
   * @return whether the session is the Docs API session of that key
   */
  public static boolean isOwn(EditingSession session, String key) {
    return session.protocol() == EditingSession.Protocol.DOCS_API
        && session.documentKey().equals(key);
  }

  private EditingSession started(
      DocumentId id, String key, String baseVersion, Set<String> editors, int saves, Instant now) {
    return new EditingSession(
        id,
        EditingSession.Protocol.DOCS_API,
        key,
        baseVersion,
        Optional.of(key),
        editors,
        saves,
        now,
        now.plus(settings.sessionTtl()),
        0);
  }

  private EditingSession next(
      EditingSession s, String baseVersion, Set<String> editors, int saves, Instant now) {
    return new EditingSession(
        s.documentId(),
        s.protocol(),
        s.documentKey(),
        baseVersion,
        s.lockId(),
        editors,
        saves,
        s.started(),
        now.plus(settings.sessionTtl()),
        s.revision() + 1);
  }
}
