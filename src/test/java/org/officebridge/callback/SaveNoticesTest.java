package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.DocumentId;

class SaveNoticesTest {

  private static final DocumentId DOC = new DocumentId("d1");

  private static SaveNotices notices(Clock clock) {
    SaveNotices n = new SaveNotices();
    n.clock = clock;
    return n;
  }

  @Test
  void aSuccessOfTheSameEventClearsItsRetryNotice() {
    SaveNotices n = notices(Clock.systemUTC());
    n.add(
        DOC,
        SaveNotices.Kind.SAVE_RETRYING,
        Set.of("u1"),
        Optional.empty(),
        Optional.empty(),
        "e1");
    n.add(
        DOC,
        SaveNotices.Kind.SAVE_RETRYING,
        Set.of("u1"),
        Optional.empty(),
        Optional.empty(),
        "e2");
    n.resolve(DOC, "e1");
    assertEquals(1, n.list(DOC).size());
    assertEquals("e2", n.list(DOC).get(0).event());
    n.add(
        DOC, SaveNotices.Kind.SAVE_FAILED, Set.of("u1"), Optional.empty(), Optional.empty(), "e2");
    assertEquals(1, n.list(DOC).size(), "the failure replaces the retry notice");
    assertEquals(SaveNotices.Kind.SAVE_FAILED, n.list(DOC).get(0).kind());
  }

  @Test
  void noticesAreBoundedPerDocumentAndExpire() {
    Instant start = Instant.parse("2026-11-27T12:00:00Z");
    Clock[] clock = {Clock.fixed(start, ZoneOffset.UTC)};
    SaveNotices n = new SaveNotices();
    n.clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return clock[0].instant();
          }
        };
    for (int i = 0; i < SaveNotices.PER_DOCUMENT + 5; i++) {
      n.add(
          DOC,
          SaveNotices.Kind.CONFLICT_COPY,
          Set.of(),
          Optional.empty(),
          Optional.empty(),
          "e" + i);
    }
    assertEquals(SaveNotices.PER_DOCUMENT, n.list(DOC).size());
    assertEquals("e5", n.list(DOC).get(0).event(), "the oldest go first");
    clock[0] = Clock.fixed(start.plus(Duration.ofDays(SaveNotices.KEEP_DAYS + 1)), ZoneOffset.UTC);
    assertTrue(n.list(DOC).isEmpty());
  }

  @Test
  void everyKindHasAMessage() {
    for (SaveNotices.Kind kind : SaveNotices.Kind.values()) {
      assertTrue(EditorStatusResource.message(kind).length() > 20);
    }
  }

  @Test
  void documentLocksSerialiseOneDocumentAndLetOthersPass() throws Exception {
    DocumentLocks locks = new DocumentLocks();
    DocumentLocks.Held held = locks.acquire(DOC, Duration.ofSeconds(1));
    AtomicInteger inside = new AtomicInteger();
    CountDownLatch tried = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try {
                DocumentLocks.Held second = locks.acquire(DOC, Duration.ofMillis(100));
                assertNull(second, "the same document waits, then gives up");
                try (DocumentLocks.Held third =
                    locks.acquire(new DocumentId("d2"), Duration.ZERO)) {
                  inside.incrementAndGet();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                tried.countDown();
              }
            });
    other.start();
    assertTrue(tried.await(5, TimeUnit.SECONDS));
    assertEquals(1, inside.get(), "another document is not blocked");
    held.close();
    try (DocumentLocks.Held again = locks.acquire(DOC, Duration.ZERO)) {
      assertTrue(again != null, "released");
    }
  }
}
