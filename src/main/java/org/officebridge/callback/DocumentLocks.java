package org.officebridge.callback;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.officebridge.spi.DocumentId;

/**
 * One lock per document on this node, so that the callbacks of a document are handled one after the
 * other: a duplicate that arrives while the original is still being stored waits, then finds it
 * stored. Entries exist only while a callback holds or waits for them.
 */
final class DocumentLocks {

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int holders;
  }

  private final Map<DocumentId, Entry> entries = new ConcurrentHashMap<>();

  /** A held lock; closing it releases the lock. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * @param id a document
   * @param wait how long to wait for it
   * @return the held lock, or {@code null} when it could not be had in time
   * @throws InterruptedException when interrupted while waiting
   */
  Held acquire(DocumentId id, Duration wait) throws InterruptedException {
    Entry entry =
        entries.compute(
            id,
            (k, e) -> {
              Entry held = e == null ? new Entry() : e;
              held.holders++;
              return held;
            });
    boolean locked = false;
    try {
      locked = entry.lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (!locked) {
        leave(id);
      }
    }
    if (!locked) {
      return null;
    }
    return () -> {
      entry.lock.unlock();
      leave(id);
    };
  }

  private void leave(DocumentId id) {
    entries.computeIfPresent(id, (k, e) -> --e.holders == 0 ? null : e);
  }
}
