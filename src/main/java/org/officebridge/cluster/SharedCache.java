package org.officebridge.cluster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A small cache of text that every node of the cluster sees the same, for node-local caches that
 * must be one truth: the WOPI discovery (so that a proof key rotation fetched by one node is used
 * by all). With {@code cluster.mode=none} it is this node's memory.
 *
 * <p>Never throws: when the shared state cannot be reached, {@link #get} answers empty and {@link
 * #put} does nothing (both logged), so a caller falls back to fetching for itself. Keys and values
 * are plain strings; store the raw document (the discovery XML), not parsed objects, so that no
 * member needs connector classes. Thread-safe.
 */
public interface SharedCache {

  /**
   * @param key a name, for example {@code wopi-discovery}
   * @param now the current time
   * @return the text last stored under the key, unless it has expired at {@code now}
   */
  Optional<Entry> get(String key, Instant now);

  /**
   * Stores text under a key, replacing what was there.
   *
   * @param key a name
   * @param text the value
   * @param storedAt when the value was obtained (readers compare it with their own copy's age)
   * @param expiresAt when the value stops being served
   */
  void put(String key, String text, Instant storedAt, Instant expiresAt);

  /**
   * @param text the stored value
   * @param storedAt when it was obtained
   */
  record Entry(String text, Instant storedAt) {
    /** Checks that both parts are present. */
    public Entry {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(storedAt, "storedAt");
    }
  }
}
