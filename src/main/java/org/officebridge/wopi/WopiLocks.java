package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.SessionStore;

/**
 * WOPI locks, kept as {@link EditingSession}s with protocol WOPI in the host's {@link SessionStore}
 * (so a DMS keeps them in its own database and every node sees the same lock). A lock lives 30
 * minutes unless refreshed. Every change is a compare-and-set on the session's revision, retried
 * when another request changed it first. A Docs API session on the file counts as a lock held by
 * another interface: lock operations answer 409 with an empty {@code X-WOPI-Lock}.
 */
@ApplicationScoped
public class WopiLocks {

  /** How long a lock lives without a refresh. */
  public static final Duration LOCK_TTL = Duration.ofMinutes(30);

  /** The longest lock id. */
  public static final int MAX_LOCK_LENGTH = 1024;

  private static final int ATTEMPTS = 8;
  private static final String OTHER_INTERFACE = "locked by a Docs API editing session";

  @Inject HostServices host;
  @Inject Clock clock;

  /** One attempt of a compare-and-set change: true when done, false to retry. */
  @FunctionalInterface
  private interface Attempt {
    boolean run(Optional<EditingSession> current, Instant now) throws HostUnavailableException;
  }

  /**
   * @param lockId a lock id from a request
   * @return it, when it is 1-1024 printable ASCII characters
   * @throws WopiException 400 otherwise
   */
  public static String requireValidLockId(String lockId) {
    if (lockId == null || lockId.isEmpty()) {
      throw WopiException.badRequest("X-WOPI-Lock is missing or empty");
    }
    if (lockId.length() > MAX_LOCK_LENGTH || !lockId.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw WopiException.badRequest("a lock id is at most 1024 printable ASCII characters");
    }
    return lockId;
  }

  /**
   * Lock: locks an unlocked file; the same lock id again refreshes it.
   *
   * @param call the request
   * @param lockId the requested lock
   * @param baseVersion the file's current version (saves are checked against it)
   * @throws WopiException 409 when another lock or session holds the file
   * @throws HostUnavailableException when the session store fails
   */
  public void lock(WopiCall call, String lockId, String baseVersion)
      throws HostUnavailableException {
    change(
        call.document(),
        (current, now) -> {
          if (current.isEmpty()) {
            return store().insert(newLock(call, lockId, baseVersion, now), now);
          }
          EditingSession s = heldBy(current.get(), lockId, "the file is locked by another client");
          Set<String> editors = new HashSet<>(s.editors());
          editors.add(call.user().id());
          return store().replace(s, with(s, s.lockId(), s.baseVersion(), editors, now), now);
        });
  }

  /**
   * RefreshLock: gives the lock another 30 minutes.
   *
   * @param call the request
   * @param lockId the lock the client holds
   * @throws WopiException 409 when the file is unlocked or holds another lock
   * @throws HostUnavailableException when the session store fails
   */
  public void refresh(WopiCall call, String lockId) throws HostUnavailableException {
    change(
        call.document(),
        (current, now) -> {
          EditingSession s = heldBy(requireLocked(current), lockId, "lock mismatch");
          return store().replace(s, with(s, s.lockId(), s.baseVersion(), s.editors(), now), now);
        });
  }

  /**
   * Unlock.
   *
   * @param call the request
   * @param lockId the lock the client holds
   * @throws WopiException 409 when the file is unlocked or holds another lock
   * @throws HostUnavailableException when the session store fails
   */
  public void unlock(WopiCall call, String lockId) throws HostUnavailableException {
    change(
        call.document(),
        (current, now) -> store().remove(heldBy(requireLocked(current), lockId, "lock mismatch")));
  }

  /**
   * UnlockAndRelock: replaces the lock id in one step.
   *
   * @param call the request
   * @param oldLock the lock the client holds
   * @param newLock the new lock id
   * @throws WopiException 409 when the file is unlocked or holds another lock
   * @throws HostUnavailableException when the session store fails
   */
  public void unlockAndRelock(WopiCall call, String oldLock, String newLock)
      throws HostUnavailableException {
    change(
        call.document(),
        (current, now) -> {
          EditingSession s = heldBy(requireLocked(current), oldLock, "lock mismatch");
          return store()
              .replace(s, with(s, Optional.of(newLock), s.baseVersion(), s.editors(), now), now);
        });
  }

  /**
   * GetLock.
   *
   * @param document a file
   * @return its WOPI lock id, or the empty string when it has none
   * @throws HostUnavailableException when the session store fails
   */
  public String currentLock(DocumentId document) throws HostUnavailableException {
    return store().load(document, clock.instant()).flatMap(EditingSession::lockId).orElse("");
  }

  /**
   * The check before PutFile: the file must hold the request's lock, or be unlocked and empty (a
   * new file the client fills).
   *
   * @param document the file
   * @param lockId the request's {@code X-WOPI-Lock}, if sent
   * @param currentSize the file's size now
   * @return the lock's session, or empty for the unlocked empty file
   * @throws WopiException 409 otherwise
   * @throws HostUnavailableException when the session store fails
   */
  public Optional<EditingSession> requireWritable(
      DocumentId document, Optional<String> lockId, long currentSize)
      throws HostUnavailableException {
    Optional<EditingSession> current = store().load(document, clock.instant());
    if (current.isEmpty()) {
      if (currentSize == 0) {
        return Optional.empty();
      }
      throw WopiException.lockConflict("", "the file is not locked and not empty");
    }
    return Optional.of(heldBy(current.get(), lockId.orElse(""), "lock mismatch"));
  }

  /**
   * The check before RenameFile: an unlocked file may be renamed by anyone; a locked one only with
   * its lock.
   *
   * @param document the file
   * @param lockId the request's {@code X-WOPI-Lock}, if sent
   * @throws WopiException 409 when another lock or session holds the file
   * @throws HostUnavailableException when the session store fails
   */
  public void requireUnlockedOrHeld(DocumentId document, Optional<String> lockId)
      throws HostUnavailableException {
    Optional<EditingSession> current = store().load(document, clock.instant());
    if (current.isPresent()) {
      heldBy(current.get(), lockId.orElse(""), "lock mismatch");
    }
  }

  /**
   * The check before DeleteFile and before PutRelativeFile overwrites a file: it must be unlocked.
   *
   * @param document the file
   * @throws WopiException 409 with the current lock when locked
   * @throws HostUnavailableException when the session store fails
   */
  public void requireUnlocked(DocumentId document) throws HostUnavailableException {
    Optional<EditingSession> current = store().load(document, clock.instant());
    if (current.isPresent()) {
      throw WopiException.lockConflict(
          current.get().lockId().orElse(""),
          current.get().protocol() == EditingSession.Protocol.WOPI
              ? "the file is locked"
              : OTHER_INTERFACE);
    }
  }

  /**
   * After a PutFile under a lock: the next save is based on the stored version.
   *
   * @param held the lock's session as checked before the save
   * @param storedVersion the version just stored
   * @param editors the users whose changes it holds
   * @param intermediate whether it was an intermediate save
   * @throws HostUnavailableException when the session store fails
   */
  public void recordSave(
      EditingSession held, String storedVersion, Set<String> editors, boolean intermediate)
      throws HostUnavailableException {
    change(
        held.documentId(),
        (current, now) -> {
          if (current.isEmpty() || !current.get().lockId().equals(held.lockId())) {
            return true; // unlocked or relocked meanwhile: nothing to record
          }
          EditingSession s = current.get();
          Set<String> all = new HashSet<>(s.editors());
          all.addAll(editors);
          EditingSession next =
              new EditingSession(
                  s.documentId(),
                  s.protocol(),
                  s.documentKey(),
                  storedVersion,
                  s.lockId(),
                  all,
                  s.intermediateSaves() + (intermediate ? 1 : 0),
                  s.started(),
                  s.expiresAt(),
                  s.revision() + 1);
          return store().replace(s, next, now);
        });
  }

  private void change(DocumentId document, Attempt attempt) throws HostUnavailableException {
    for (int i = 0; i < ATTEMPTS; i++) {
      Instant now = clock.instant();
      if (attempt.run(store().load(document, now), now)) {
        return;
      }
    }
    throw WopiException.unavailable("the lock kept changing under concurrent requests");
  }

  private static EditingSession requireLocked(Optional<EditingSession> current) {
    return current.orElseThrow(() -> WopiException.lockConflict("", "the file is not locked"));
  }

  private static EditingSession heldBy(EditingSession s, String lockId, String mismatch) {
    if (s.protocol() != EditingSession.Protocol.WOPI) {
      throw WopiException.lockConflict("", OTHER_INTERFACE);
    }
    String held = s.lockId().orElse("");
    if (!held.equals(lockId)) {
      throw WopiException.lockConflict(held, mismatch);
    }
    return s;
  }

  private EditingSession newLock(WopiCall call, String lockId, String baseVersion, Instant now) {
    return new EditingSession(
        call.document(),
        EditingSession.Protocol.WOPI,
        call.fileId().value(),
        baseVersion,
        Optional.of(lockId),
        Set.of(call.user().id()),
        0,
        now,
        now.plus(LOCK_TTL),
        0);
  }

  private static EditingSession with(
      EditingSession s,
      Optional<String> lockId,
      String baseVersion,
      Set<String> editors,
      Instant now) {
    return new EditingSession(
        s.documentId(),
        s.protocol(),
        s.documentKey(),
        baseVersion,
        lockId,
        editors,
        s.intermediateSaves(),
        s.started(),
        now.plus(LOCK_TTL),
        s.revision() + 1);
  }

  /**
   * @return where locks live: the host's session store
   */
  SessionStore store() {
    return host.sessions();
  }
}
