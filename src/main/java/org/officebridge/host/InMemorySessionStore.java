package org.officebridge.host;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.SessionStore;

/**
 * The default {@link SessionStore} for a single node: sessions and markers in memory, each change
 * an atomic map operation. Lost on restart and not shared between nodes; use the Hazelcast store or
 * the host's own for clusters. Typed to its class only, so that it never competes with a host's
 * {@link SessionStore} bean.
 */
@ApplicationScoped
@Typed(InMemorySessionStore.class)
public class InMemorySessionStore implements SessionStore {

  private static final int MARKER_SWEEP_THRESHOLD = 10_000;

  private final Map<DocumentId, EditingSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Instant> markers = new ConcurrentHashMap<>();

  @Override
  public Optional<EditingSession> load(DocumentId id, Instant now) {
    return Optional.ofNullable(sessions.get(id)).filter(s -> !s.isExpired(now));
  }

  @Override
  public boolean insert(EditingSession session, Instant now) {
    AtomicBoolean inserted = new AtomicBoolean();
    sessions.compute(
        session.documentId(),
        (id, current) -> {
          if (current == null || current.isExpired(now)) {
            inserted.set(true);
            return session;
          }
          return current;
        });
    return inserted.get();
  }

  @Override
  public boolean replace(EditingSession expected, EditingSession replacement, Instant now) {
    if (!expected.documentId().equals(replacement.documentId())
        || replacement.revision() != expected.revision() + 1) {
      throw new IllegalArgumentException("a replacement is the next revision of the same document");
    }
    AtomicBoolean replaced = new AtomicBoolean();
    sessions.computeIfPresent(
        expected.documentId(),
        (id, current) -> {
          if (current.equals(expected) && !current.isExpired(now)) {
            replaced.set(true);
            return replacement;
          }
          return current;
        });
    return replaced.get();
  }

  @Override
  public boolean remove(EditingSession expected) {
    AtomicBoolean removed = new AtomicBoolean();
    sessions.computeIfPresent(
        expected.documentId(),
        (id, current) -> {
          if (current.equals(expected)) {
            removed.set(true);
            return null;
          }
          return current;
        });
    return removed.get();
  }

  @Override
  public List<EditingSession> list(Instant now) {
    sessions.values().removeIf(s -> s.isExpired(now));
    return List.copyOf(sessions.values());
  }

  @Override
  public boolean markProcessed(String marker, Instant expiresAt, Instant now) {
    if (markers.size() > MARKER_SWEEP_THRESHOLD) {
      markers.values().removeIf(until -> !now.isBefore(until));
    }
    AtomicBoolean first = new AtomicBoolean();
    markers.compute(
        marker,
        (m, until) -> {
          if (until == null || !now.isBefore(until)) {
            first.set(true);
            return expiresAt;
          }
          return until;
        });
    return first.get();
  }

  @Override
  public boolean isProcessed(String marker, Instant now) {
    Instant until = markers.get(marker);
    return until != null && now.isBefore(until);
  }
}
