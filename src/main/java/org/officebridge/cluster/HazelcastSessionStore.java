package org.officebridge.cluster;

import com.hazelcast.cache.ICache;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.SessionStore;

/**
 * {@link SessionStore} on two Hazelcast JCache caches, shared by every node of the cluster.
 *
 * <p>Each operation is a loop of per-key atomic JCache operations on the partition owner ({@code
 * putIfAbsent}, {@code replace(key, old, new)}, {@code remove(key, old)}), comparing exactly the
 * value that was read, so two nodes racing on one document cannot both win. {@code replace} and
 * {@code remove} match only the very session expected (the whole record, so the holder of a lapsed
 * session cannot touch the one that replaced it at the same revision). Logical expiry uses the
 * {@code now} the connector passes in; physical removal is Hazelcast's per-entry expiry, set
 * atomically with each write through {@link ICache}'s expiry-policy overloads (what plain JCache
 * cannot do) and kept {@link #GRACE} past the logical end to absorb clock differences between
 * nodes. Every Hazelcast failure (member gone, split-brain protection, timeout) becomes {@link
 * HostUnavailableException}, so the caller retries.
 */
public final class HazelcastSessionStore implements SessionStore {

  /** How long an entry outlives its logical expiry before Hazelcast removes it. */
  static final java.time.Duration GRACE = java.time.Duration.ofMinutes(15);

  private static final int MAX_MARKER = 256;

  private final ICache<String, String> sessions;
  private final ICache<String, Long> markers;

  /**
   * @param sessions sessions by document id, values from {@link SessionCodec}
   * @param markers processed-event markers, values the logical expiry in epoch milliseconds
   */
  public HazelcastSessionStore(ICache<String, String> sessions, ICache<String, Long> markers) {
    this.sessions = sessions;
    this.markers = markers;
  }

  @Override
  public Optional<EditingSession> load(DocumentId id, Instant now) throws HostUnavailableException {
    return call(() -> Optional.ofNullable(sessions.get(id.value())))
        .map(SessionCodec::decode)
        .filter(s -> !s.isExpired(now));
  }

  @Override
  public boolean insert(EditingSession session, Instant now) throws HostUnavailableException {
    String key = session.documentId().value();
    String value = SessionCodec.encode(session);
    ExpiryPolicy expiry = expiry(session.expiresAt(), now);
    return call(
        () -> {
          while (true) {
            if (sessions.putIfAbsent(key, value, expiry)) {
              return true;
            }
            String current = sessions.get(key);
            if (current == null) {
              continue;
            }
            if (!SessionCodec.decode(current).isExpired(now)) {
              return false;
            }
            if (sessions.replace(key, current, value, expiry)) {
              return true;
            }
          }
        });
  }

  @Override
  public boolean replace(EditingSession expected, EditingSession replacement, Instant now)
      throws HostUnavailableException {
    if (!expected.documentId().equals(replacement.documentId())
        || replacement.revision() != expected.revision() + 1) {
      throw new IllegalArgumentException("a replacement is the next revision of the same document");
    }
    String key = expected.documentId().value();
    String value = SessionCodec.encode(replacement);
    ExpiryPolicy expiry = expiry(replacement.expiresAt(), now);
    return call(
        () -> {
          while (true) {
            String current = sessions.get(key);
            if (current == null) {
              return false;
            }
            EditingSession stored = SessionCodec.decode(current);
            if (!stored.equals(expected) || stored.isExpired(now)) {
              return false;
            }
            if (sessions.replace(key, current, value, expiry)) {
              return true;
            }
          }
        });
  }

  @Override
  public boolean remove(EditingSession expected) throws HostUnavailableException {
    String key = expected.documentId().value();
    return call(
        () -> {
          while (true) {
            String current = sessions.get(key);
            if (current == null || !SessionCodec.decode(current).equals(expected)) {
              return false;
            }
            if (sessions.remove(key, current)) {
              return true;
            }
          }
        });
  }

  @Override
  public List<EditingSession> list(Instant now) throws HostUnavailableException {
    return call(
        () -> {
          List<EditingSession> live = new ArrayList<>();
          for (Cache.Entry<String, String> entry : sessions) {
            EditingSession s = SessionCodec.decode(entry.getValue());
            if (!s.isExpired(now)) {
              live.add(s);
            }
          }
          return List.copyOf(live);
        });
  }

  @Override
  public boolean markProcessed(String marker, Instant expiresAt, Instant now)
      throws HostUnavailableException {
    if (marker.isEmpty() || marker.length() > MAX_MARKER) {
      throw new IllegalArgumentException("a marker is 1-256 characters");
    }
    Long until = expiresAt.toEpochMilli();
    ExpiryPolicy expiry = expiry(expiresAt, now);
    return call(
        () -> {
          while (true) {
            if (markers.putIfAbsent(marker, until, expiry)) {
              return true;
            }
            Long current = markers.get(marker);
            if (current == null) {
              continue;
            }
            if (now.toEpochMilli() < current) {
              return false;
            }
            if (markers.replace(marker, current, until, expiry)) {
              return true;
            }
          }
        });
  }

  @Override
  public boolean isProcessed(String marker, Instant now) throws HostUnavailableException {
    Long until = call(() -> markers.get(marker));
    return until != null && now.toEpochMilli() < until;
  }

  /** Physical lifetime: the logical one plus {@link #GRACE}; reads leave it unchanged. */
  private static ExpiryPolicy expiry(Instant expiresAt, Instant now) {
    long millis = Math.max(0, java.time.Duration.between(now, expiresAt).toMillis());
    return new ModifiedExpiryPolicy(new Duration(TimeUnit.MILLISECONDS, millis + GRACE.toMillis()));
  }

  /** One cache operation, with Hazelcast's failures turned into the SPI's retry signal. */
  private static <T> T call(CacheCall<T> op) throws HostUnavailableException {
    try {
      return op.run();
    } catch (SessionCodec.UnreadableSessionException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new HostUnavailableException("shared session store unavailable", e);
    }
  }

  @FunctionalInterface
  private interface CacheCall<T> {
    T run();
  }
}
