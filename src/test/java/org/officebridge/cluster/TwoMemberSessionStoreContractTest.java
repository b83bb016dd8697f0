package org.officebridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.contract.SessionStoreContract;

/**
 * The SPI contract across two members: each call of {@link #store()} takes the other member's
 * store, so every write is read back (and every compare-and-set contested) through the other node,
 * and the contract's concurrent inserts come from both members at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoMemberSessionStoreContractTest extends SessionStoreContract {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private TestGrid grid;
  private final AtomicInteger calls = new AtomicInteger();

  @BeforeAll
  void startMembers() throws Exception {
    grid = TestGrid.start(2, 1);
    assertEquals(2, grid.member(0).getCluster().getMembers().size());
  }

  @AfterAll
  void stopMembers() {
    grid.close();
  }

  @Override
  protected SessionStore store() {
    return grid.store(calls.getAndIncrement() % 2);
  }

  private static EditingSession session(String doc, long revision) {
    return new EditingSession(
        new DocumentId(doc),
        EditingSession.Protocol.WOPI,
        doc + "-key",
        "1",
        Optional.of("lock-" + doc),
        Set.of("u1"),
        0,
        NOW,
        NOW.plusSeconds(600),
        revision);
  }

  @Test
  void compareAndSetFromBothMembersLosesNoUpdate() throws Exception {
    String doc = "cas-" + System.nanoTime();
    assertTrue(grid.store(0).insert(session(doc, 0), NOW));
    int perThread = 25;
    int threads = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        SessionStore store = grid.store(t % 2);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int conflicts = 0;
                  for (int done = 0; done < perThread; ) {
                    EditingSession current = store.load(new DocumentId(doc), NOW).orElseThrow();
                    if (store.replace(current, current.nextRevision(), NOW)) {
                      done++;
                    } else {
                      conflicts++;
                    }
                  }
                  return conflicts;
                }));
      }
      start.countDown();
      for (Future<Integer> f : results) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        threads * perThread,
        grid.store(1).load(new DocumentId(doc), NOW).orElseThrow().revision(),
        "every successful compare-and-set is one revision: none lost, none doubled");
  }

  @Test
  void aLockTakenOnOneMemberBlocksTheOther() throws Exception {
    String doc = "lock-" + System.nanoTime();
    assertTrue(grid.store(0).insert(session(doc, 0), NOW));
    assertFalse(grid.store(1).insert(session(doc, 0), NOW));
    assertEquals(
        Optional.of("lock-" + doc),
        grid.store(1).load(new DocumentId(doc), NOW).orElseThrow().lockId());
  }

  @Test
  void anEventProcessedOnOneMemberIsAReplayOnTheOther() throws Exception {
    String marker = "callback-" + System.nanoTime();
    assertTrue(grid.store(0).markProcessed(marker, NOW.plusSeconds(60), NOW));
    assertFalse(grid.store(1).markProcessed(marker, NOW.plusSeconds(60), NOW));
    assertTrue(grid.store(1).isProcessed(marker, NOW));
  }

  @Test
  void theSharedCacheIsOneTruth() {
    grid.sharedCache(0).put("wopi-discovery", "<xml/>", NOW, NOW.plusSeconds(3600));
    assertEquals("<xml/>", grid.sharedCache(1).get("wopi-discovery", NOW).orElseThrow().text());
    assertEquals(NOW, grid.sharedCache(1).get("wopi-discovery", NOW).orElseThrow().storedAt());
    assertTrue(grid.sharedCache(1).get("wopi-discovery", NOW.plusSeconds(3600)).isEmpty());
  }
}
