package org.officebridge.cluster;

import com.hazelcast.cache.ICache;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ModifiedExpiryPolicy;

/**
 * {@link SharedCache} on a Hazelcast JCache cache. A value is stored as {@code <storedAt epoch
 * ms>:<expiresAt epoch ms>:<text>}, with Hazelcast's expiry {@link HazelcastSessionStore#GRACE}
 * after the logical one.
 */
final class HazelcastSharedCache implements SharedCache {

  private static final Logger LOG = Logger.getLogger(HazelcastSharedCache.class.getName());

  private final ICache<String, String> cache;

  HazelcastSharedCache(ICache<String, String> cache) {
    this.cache = cache;
  }

  @Override
  public Optional<Entry> get(String key, Instant now) {
    String stored;
    try {
      stored = cache.get(key);
    } catch (RuntimeException e) {
      LOG.warning(() -> "event=shared-cache-get outcome=failed key=" + key + " reason=" + e);
      return Optional.empty();
    }
    if (stored == null) {
      return Optional.empty();
    }
    int first = stored.indexOf(':');
    int second = stored.indexOf(':', first + 1);
    long storedAt = Long.parseLong(stored.substring(0, first));
    long expiresAt = Long.parseLong(stored.substring(first + 1, second));
    if (now.toEpochMilli() >= expiresAt) {
      return Optional.empty();
    }
    return Optional.of(new Entry(stored.substring(second + 1), Instant.ofEpochMilli(storedAt)));
  }

  @Override
  public void put(String key, String text, Instant storedAt, Instant expiresAt) {
    String value = storedAt.toEpochMilli() + ":" + expiresAt.toEpochMilli() + ":" + text;
    long ttl =
        Math.max(0, expiresAt.toEpochMilli() - storedAt.toEpochMilli())
            + HazelcastSessionStore.GRACE.toMillis();
    try {
      cache.put(key, value, new ModifiedExpiryPolicy(new Duration(TimeUnit.MILLISECONDS, ttl)));
    } catch (RuntimeException e) {
      LOG.warning(() -> "event=shared-cache-put outcome=failed key=" + key + " reason=" + e);
    }
  }
}
