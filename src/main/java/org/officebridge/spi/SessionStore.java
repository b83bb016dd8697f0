package org.officebridge.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Optional capability: where editing sessions, locks and processed-event markers live. The
 * connector ships an in-memory implementation for a single node and a Hazelcast one for clusters; a
 * host implements this to keep them in its own database.
 *
 * <p><b>Precision:</b> a store may keep times at a coarser precision than the connector's clock
 * (microseconds, milliseconds); it must then compare {@code expected} at that same precision.
 * <b>Clean-up:</b> the store forgets lapsed sessions and markers by itself (for example on {@link
 * #list} or with its engine's expiry).
 *
 * <p><b>Atomicity:</b> {@link #insert}, {@link #replace}, {@link #remove} and {@link
 * #markProcessed} are each atomic compare-and-set operations across every node that shares the
 * store. <b>Expiry:</b> a session whose {@code expiresAt} is not after {@code now} is treated as
 * absent by every method. Time is always passed in by the connector, never read by the store.
 */
public interface SessionStore {

  /**
   * Called on every callback, WOPI lock operation and editor open.
   *
   * @param id a document
   * @param now the current time
   * @return the live session on the document, if any
   * @throws HostUnavailableException when the store cannot be reached; the connector answers so
   *     that the caller retries
   */
  Optional<EditingSession> load(DocumentId id, Instant now) throws HostUnavailableException;

  /**
   * Starts a session: stores it only if the document has no live session.
   *
   * @param session the new session, with revision 0
   * @param now the current time
   * @return true if stored; false if another live session exists (nothing changed)
   * @throws HostUnavailableException when the store cannot be reached
   */
  boolean insert(EditingSession session, Instant now) throws HostUnavailableException;

  /**
   * Replaces a session only if the stored one is live and is the expected one: the same session
   * (document key and start time, so a session that lapsed and was replaced by a new one with the
   * same revision never matches) at the same revision. Comparing the whole record is the simplest
   * way to honour this.
   *
   * @param expected the session as last loaded
   * @param replacement the new state; its revision must be {@code expected.revision() + 1}
   * @param now the current time
   * @return true if replaced; false if the stored session changed, lapsed, vanished or is another
   *     session
   * @throws HostUnavailableException when the store cannot be reached
   */
  boolean replace(EditingSession expected, EditingSession replacement, Instant now)
      throws HostUnavailableException;

  /**
   * Ends a session only if the stored one is still the expected one (the same session at the same
   * revision, as for {@link #replace}).
   *
   * @param expected the session as last loaded
   * @return true if removed; false if it changed, vanished or is another session
   * @throws HostUnavailableException when the store cannot be reached
   */
  boolean remove(EditingSession expected) throws HostUnavailableException;

  /**
   * Used by administration pages and the stale-session reaper.
   *
   * @param now the current time
   * @return every live session
   * @throws HostUnavailableException when the store cannot be reached
   */
  List<EditingSession> list(Instant now) throws HostUnavailableException;

  /**
   * Records that a protocol event (a callback save, a WOPI save) has been fully handled, so that a
   * replay of the same event stores nothing new.
   *
   * @param marker an opaque id of the event (at most 256 characters)
   * @param expiresAt when the record may be forgotten
   * @param now the current time
   * @return true the first time for this marker; false if it was already recorded
   * @throws HostUnavailableException when the store cannot be reached
   */
  boolean markProcessed(String marker, Instant expiresAt, Instant now)
      throws HostUnavailableException;

  /**
   * @param marker an opaque id of the event
   * @param now the current time
   * @return whether {@link #markProcessed} recorded it and the record has not expired
   * @throws HostUnavailableException when the store cannot be reached
   */
  boolean isProcessed(String marker, Instant now) throws HostUnavailableException;
}
