package org.officebridge.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SharedCache} of a single node: in memory. */
final class LocalSharedCache implements SharedCache {

  private record Stored(Entry entry, Instant expiresAt) {}

  private final Map<String, Stored> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Entry> get(String key, Instant now) {
    Stored s = entries.get(key);
    return s == null || !now.isBefore(s.expiresAt()) ? Optional.empty() : Optional.of(s.entry());
  }

  @Override
  public void put(String key, String text, Instant storedAt, Instant expiresAt) {
    entries.put(key, new Stored(new Entry(text, storedAt), expiresAt));
  }
}
