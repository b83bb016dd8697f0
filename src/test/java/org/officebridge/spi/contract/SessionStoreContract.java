package org.officebridge.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.SessionStore;

/**
 * The contract of {@link SessionStore}: compare-and-set, expiry, processed-event markers. Extend it
 * with an empty store per test. Time is passed in, so nothing here sleeps.
 */
public abstract class SessionStoreContract {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  /**
   * @return the store under test, empty
   */
  protected abstract SessionStore store();

  private static EditingSession session(String doc, String lock, Instant expires) {
    return new EditingSession(
        new DocumentId(doc),
        EditingSession.Protocol.WOPI,
        doc + "-key",
        "1",
        Optional.of(lock),
        Set.of("u1"),
        0,
        NOW,
        expires,
        0);
  }

  private static String doc() {
    return "contract-" + System.nanoTime();
  }

  @Test
  public void insertSucceedsOnlyWhileNoLiveSessionExists() throws Exception {
    String doc = doc();
    assertTrue(store().insert(session(doc, "A", NOW.plusSeconds(60)), NOW));
    assertFalse(store().insert(session(doc, "B", NOW.plusSeconds(60)), NOW));
    assertEquals("A", store().load(new DocumentId(doc), NOW).orElseThrow().lockId().orElseThrow());
  }

  @Test
  public void anExpiredSessionIsAbsentAndCanBeReplacedByInsert() throws Exception {
    String doc = doc();
    assertTrue(store().insert(session(doc, "A", NOW.plusSeconds(60)), NOW));
    Instant later = NOW.plus(Duration.ofMinutes(2));
    assertTrue(store().load(new DocumentId(doc), later).isEmpty());
    assertTrue(store().insert(session(doc, "B", later.plusSeconds(60)), later));
    assertEquals(
        "B", store().load(new DocumentId(doc), later).orElseThrow().lockId().orElseThrow());
  }

  @Test
  public void replaceIsACompareAndSetOnTheRevision() throws Exception {
    String doc = doc();
    EditingSession first = session(doc, "A", NOW.plusSeconds(60));
    store().insert(first, NOW);
    EditingSession second = first.nextRevision();
    assertTrue(store().replace(first, second, NOW));
    EditingSession stale = first.nextRevision();
    assertFalse(store().replace(first, stale, NOW), "a stale revision must not replace");
    assertEquals(1, store().load(new DocumentId(doc), NOW).orElseThrow().revision());
  }

  @Test
  public void removeIsACompareAndSetOnTheRevision() throws Exception {
    String doc = doc();
    EditingSession first = session(doc, "A", NOW.plusSeconds(60));
    store().insert(first, NOW);
    EditingSession second = first.nextRevision();
    store().replace(first, second, NOW);
    assertFalse(store().remove(first));
    assertTrue(store().load(new DocumentId(doc), NOW).isPresent());
    assertTrue(store().remove(second));
    assertTrue(store().load(new DocumentId(doc), NOW).isEmpty());
  }

  @Test
  public void theHolderOfALapsedSessionCannotTouchTheSessionThatReplacedIt() throws Exception {
    String doc = doc();
    EditingSession lapsed = session(doc, "A", NOW.plusSeconds(60));
    store().insert(lapsed, NOW);
    Instant later = NOW.plus(Duration.ofMinutes(5));
    EditingSession successor =
        new EditingSession(
            new DocumentId(doc),
            EditingSession.Protocol.WOPI,
            doc + "-key2",
            "2",
            Optional.of("B"),
            Set.of("u2"),
            0,
            later,
            later.plusSeconds(600),
            0);
    assertTrue(store().insert(successor, later));
    assertFalse(store().replace(lapsed, lapsed.nextRevision(), later));
    assertFalse(store().remove(lapsed));
    EditingSession stored = store().load(new DocumentId(doc), later).orElseThrow();
    assertEquals("B", stored.lockId().orElseThrow());
    assertEquals(0, stored.revision());
  }

  @Test
  public void listShowsOnlyLiveSessions() throws Exception {
    String live = doc();
    String lapsed = doc();
    store().insert(session(live, "A", NOW.plusSeconds(600)), NOW);
    store().insert(session(lapsed, "B", NOW.plusSeconds(1)), NOW);
    List<String> docs =
        store().list(NOW.plusSeconds(5)).stream().map(s -> s.documentId().value()).toList();
    assertTrue(docs.contains(live));
    assertFalse(docs.contains(lapsed));
  }

  @Test
  public void aMarkerIsNewOnlyOnceUntilItExpires() throws Exception {
    String marker = "callback-" + System.nanoTime();
    assertFalse(store().isProcessed(marker, NOW));
    assertTrue(store().markProcessed(marker, NOW.plusSeconds(60), NOW));
    assertFalse(store().markProcessed(marker, NOW.plusSeconds(60), NOW));
    assertTrue(store().isProcessed(marker, NOW));
    Instant later = NOW.plusSeconds(120);
    assertFalse(store().isProcessed(marker, later));
    assertTrue(store().markProcessed(marker, later.plusSeconds(60), later));
  }

  @Test
  public void concurrentInsertsLetExactlyOneWin() throws Exception {
    String doc = doc();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        String lock = "L" + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return store().insert(session(doc, lock, NOW.plusSeconds(60)), NOW);
                }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertEquals(1, wins);
    } finally {
      pool.shutdownNow();
    }
  }
}
