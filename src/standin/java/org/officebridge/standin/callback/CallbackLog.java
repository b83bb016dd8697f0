package org.officebridge.standin.callback;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Every callback attempt the stand-in made, in order; tests can wait for one to appear. */
public final class CallbackLog {

  private final List<CallbackRecord> records = new ArrayList<>();
  private final Map<String, List<CallbackRecord>> byKey = new HashMap<>();
  private final AtomicLong seq = new AtomicLong();

  long nextSeq() {
    return seq.incrementAndGet();
  }

  synchronized void add(CallbackRecord record) {
    records.add(record);
    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
    notifyAll();
  }

  /**
   * @return a snapshot of all attempts
   */
  public synchronized List<CallbackRecord> all() {
    return List.copyOf(records);
  }

  /**
   * @param key a document key
   * @return the attempts for that document (indexed: cheap however long the log is, for a load
   *     generator polling many documents)
   */
  public synchronized List<CallbackRecord> forKey(String key) {
    return List.copyOf(byKey.getOrDefault(key, List.of()));
  }

  /** Forgets every record. */
  public synchronized void clear() {
    records.clear();
    byKey.clear();
  }

  /**
   * Waits until an attempt matching {@code test} has been recorded.
   *
   * @param test what to wait for
   * @param timeout how long to wait at most
   * @return the first matching attempt, or empty on timeout
   * @throws InterruptedException when interrupted
   */
  public synchronized Optional<CallbackRecord> await(
      Predicate<CallbackRecord> test, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<CallbackRecord> hit = records.stream().filter(test).findFirst();
      if (hit.isPresent()) {
        return hit;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /**
   * Waits until {@code count} attempts match {@code test}.
   *
   * @param test what to count
   * @param count how many are needed
   * @param timeout how long to wait at most
   * @return the matching attempts (fewer than {@code count} on timeout)
   * @throws InterruptedException when interrupted
   */
  public synchronized List<CallbackRecord> awaitCount(
      Predicate<CallbackRecord> test, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<CallbackRecord> hits = records.stream().filter(test).toList();
      long left = deadline - System.nanoTime();
      if (hits.size() >= count || left <= 0) {
        return hits;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
