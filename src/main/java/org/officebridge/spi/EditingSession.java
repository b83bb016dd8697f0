package org.officebridge.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The connector's record of one open editing session on a document: at most one per document at a
 * time, whichever protocol opened it. A WOPI lock is a session whose {@link #lockId()} is the WOPI
 * lock id. Records are immutable; changes go through {@link SessionStore} compare-and-set on {@link
 * #revision()}.
 *
 * @param documentId the document being edited
 * @param protocol which integration opened the session
 * @param documentKey the Document Server's key for the session (Docs API {@code document.key}); for
 *     WOPI the file id the Document Server uses as its document id
 * @param baseVersion the content version the next save must be based on: the version the session
 *     started from, moved forward by each intermediate save the session stored
 * @param lockId the lock id (WOPI: the client's opaque lock string, at most 1024 ASCII characters)
 * @param editors ids of the users currently in the session
 * @param intermediateSaves how many intermediate versions (forcesave) the session stored
 * @param started when the session was opened
 * @param expiresAt when the session (and its lock) lapses unless refreshed
 * @param revision compare-and-set counter: 0 when inserted, +1 on each replacement
 */
public record EditingSession(
    DocumentId documentId,
    Protocol protocol,
    String documentKey,
    String baseVersion,
    Optional<String> lockId,
    Set<String> editors,
    int intermediateSaves,
    Instant started,
    Instant expiresAt,
    long revision) {

  /** Which integration path opened a session. */
  public enum Protocol {
    /** The Docs API (editor page and callbacks). */
    DOCS_API,
    /** WOPI (host page and WOPI file operations). */
    WOPI
  }

  /**
   * Checks that every part is present and consistent.
   *
   * @param documentId the document being edited
   * @param protocol which integration opened the session
   * @param documentKey the Document Server's key for the session (Docs API {@code document.key});
   *     for WOPI the file id the Document Server uses as its document id
   * @param baseVersion the content version the next save must be based on: the version the session
   *     started from, moved forward by each intermediate save the session stored
   * @param lockId the lock id (WOPI: the client's opaque lock string, at most 1024 ASCII
   *     characters)
   * @param editors ids of the users currently in the session
   * @param intermediateSaves how many intermediate versions (forcesave) the session stored
   * @param started when the session was opened
   * @param expiresAt when the session (and its lock) lapses unless refreshed
   * @param revision compare-and-set counter: 0 when inserted, +1 on each replacement
   */
  public EditingSession {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(documentKey, "documentKey");
    Objects.requireNonNull(baseVersion, "baseVersion");
    Objects.requireNonNull(lockId, "lockId");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(expiresAt, "expiresAt");
    editors = Set.copyOf(editors);
    if (lockId.isPresent() && (lockId.get().isEmpty() || lockId.get().length() > 1024)) {
      throw new IllegalArgumentException("a lock id is 1-1024 characters");
    }
    if (revision < 0 || intermediateSaves < 0) {
      throw new IllegalArgumentException("revision and intermediateSaves must not be negative");
    }
  }

  /**
   * @param now the current time
   * @return whether the session has lapsed at {@code now}
   */
  public boolean isExpired(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * @return a copy with the revision increased by one, for {@link SessionStore#replace}
   */
  public EditingSession nextRevision() {
    return new EditingSession(
        documentId,
        protocol,
        documentKey,
        baseVersion,
        lockId,
        editors,
        intermediateSaves,
        started,
        expiresAt,
        revision + 1);
  }
}
