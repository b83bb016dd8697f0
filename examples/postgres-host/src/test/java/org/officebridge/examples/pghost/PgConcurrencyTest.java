package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionConflictException;

/**
 * Every compare-and-set is decided by the database: many threads, each on its own connection (and
 * its own store instance, like nodes of a cluster), race on one row and exactly one wins.
 */
class PgConcurrencyTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static final int THREADS = 16;
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private static final User AUTHOR = User.of("olivia", "Olivia Owner", Locale.ENGLISH);

  private static EditingSession session(String lock) {
    return session(lock, NOW.plusSeconds(600));
  }

  private static EditingSession session(String lock, Instant expires) {
    return new EditingSession(
        new DocumentId("raced"),
        EditingSession.Protocol.WOPI,
        "raced-key",
        "1",
        Optional.of(lock),
        Set.of("u1"),
        0,
        NOW,
        expires,
        0);
  }

  /** Runs {@code THREADS} copies of a task released at once; counts the true results. */
  private static int winners(Callable<Boolean> task) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> f : results) {
        wins += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
      }
      return wins;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void oneOfManyInsertsOnAnExpiredSessionWins() throws Exception {
    new PgSessionStore(PG.dataSource()).insert(session("old"), NOW);
    Instant later = NOW.plusSeconds(601);
    AtomicInteger lock = new AtomicInteger();
    int wins =
        winners(
            () ->
                new PgSessionStore(PG.dataSource())
                    .insert(session("L" + lock.incrementAndGet(), later.plusSeconds(600)), later));
    assertEquals(1, wins);
  }

  @Test
  void oneOfManyReplacesOfTheSameRevisionWins() throws Exception {
    EditingSession first = session("A");
    new PgSessionStore(PG.dataSource()).insert(first, NOW);
    int wins =
        winners(
            () -> new PgSessionStore(PG.dataSource()).replace(first, first.nextRevision(), NOW));
    assertEquals(1, wins);
    assertEquals(
        1, new PgSessionStore(PG.dataSource()).load(first.documentId(), NOW).get().revision());
  }

  @Test
  void oneOfManyRemovesWins() throws Exception {
    EditingSession first = session("A");
    new PgSessionStore(PG.dataSource()).insert(first, NOW);
    assertEquals(1, winners(() -> new PgSessionStore(PG.dataSource()).remove(first)));
  }

  @Test
  void oneOfManyMarkersWins() throws Exception {
    int wins =
        winners(
            () ->
                new PgSessionStore(PG.dataSource())
                    .markProcessed("callback-42", NOW.plusSeconds(60), NOW));
    assertEquals(1, wins);
  }

  @Test
  void oneOfManySavesOnTheSameBaseWinsAndTheOthersConflict() throws Exception {
    PgDocumentStore setup = new PgDocumentStore(PG.dataSource());
    DocumentInfo base = TestDocuments.create(setup, "Raced.txt", "base", AUTHOR);
    AtomicInteger n = new AtomicInteger();
    int wins =
        winners(
            () -> {
              try {
                new PgDocumentStore(PG.dataSource())
                    .storeVersion(
                        base.id(),
                        TestDocuments.basedOn(base, AUTHOR),
                        TestDocuments.text("save " + n.incrementAndGet()));
                return true;
              } catch (VersionConflictException e) {
                return false;
              }
            });
    assertEquals(1, wins);
    assertEquals(2, new PgVersionHistory(PG.dataSource()).listVersions(base.id()).size());
  }
}
