package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.officebridge.host.InMemorySessionStore;
import org.officebridge.security.WopiAccessToken;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.Permission;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.User;

class WopiLocksTest {

  private static final DocumentId DOC = new DocumentId("doc-1");

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T12:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final InMemorySessionStore store = new InMemorySessionStore();
  private final MovingClock clock = new MovingClock();
  private final WopiLocks locks =
      new WopiLocks() {
        @Override
        SessionStore store() {
          return store;
        }
      };

  WopiLocksTest() {
    locks.clock = clock;
  }

  private static WopiCall call() {
    User user = User.of("eddie", "Eddie Editor", Locale.ENGLISH);
    return new WopiCall(
        new WopiFileId("test", DOC),
        user,
        AccessRights.of(Permission.EDIT),
        new WopiAccessToken(
            DOC, "eddie", Set.of(Permission.EDIT), Instant.MAX, URI.create("http://h/ob")));
  }

  private static WopiException conflict(Executable operation) {
    WopiException e = assertThrows(WopiException.class, operation);
    assertEquals(409, e.status());
    return e;
  }

  @Test
  void aLockIsAWopiSessionInTheSessionStore() throws Exception {
    locks.lock(call(), "L1", "7");
    EditingSession s = store.load(DOC, clock.now).orElseThrow();
    assertEquals(EditingSession.Protocol.WOPI, s.protocol());
    assertEquals(Optional.of("L1"), s.lockId());
    assertEquals("7", s.baseVersion());
    assertEquals("test-doc-1", s.documentKey());
    assertEquals(clock.now.plus(Duration.ofMinutes(30)), s.expiresAt());
    assertEquals("L1", locks.currentLock(DOC));
  }

  @Test
  void lockingAgainWithTheSameIdRefreshesTheTimer() throws Exception {
    locks.lock(call(), "L1", "7");
    clock.now = clock.now.plus(Duration.ofMinutes(20));
    locks.lock(call(), "L1", "8");
    EditingSession s = store.load(DOC, clock.now).orElseThrow();
    assertEquals(clock.now.plus(Duration.ofMinutes(30)), s.expiresAt());
    assertEquals("7", s.baseVersion());
  }

  @Test
  void aMismatchAnswersTheCurrentLock() throws Exception {
    locks.lock(call(), "L1", "7");
    assertEquals("L1", conflict(() -> locks.lock(call(), "L2", "7")).currentLock().orElseThrow());
    assertEquals("L1", conflict(() -> locks.refresh(call(), "L2")).currentLock().orElseThrow());
    assertEquals("L1", conflict(() -> locks.unlock(call(), "L2")).currentLock().orElseThrow());
    assertEquals(
        "L1",
        conflict(() -> locks.unlockAndRelock(call(), "L2", "L3")).currentLock().orElseThrow());
    assertEquals(
        "L1",
        conflict(() -> locks.requireWritable(DOC, Optional.of("L2"), 10))
            .currentLock()
            .orElseThrow());
  }

  @Test
  void operationsOnAnUnlockedFileAnswerAnEmptyLock() {
    assertEquals("", conflict(() -> locks.unlock(call(), "L1")).currentLock().orElseThrow());
    assertEquals("", conflict(() -> locks.refresh(call(), "L1")).currentLock().orElseThrow());
    assertEquals(
        "", conflict(() -> locks.unlockAndRelock(call(), "L1", "L2")).currentLock().orElseThrow());
  }

  @Test
  void unlockAndRelockReplacesTheLockId() throws Exception {
    locks.lock(call(), "L1", "7");
    locks.unlockAndRelock(call(), "L1", "L2");
    assertEquals("L2", locks.currentLock(DOC));
    locks.unlock(call(), "L2");
    assertEquals("", locks.currentLock(DOC));
  }

  @Test
  void aLockLapsesAfterThirtyMinutesWithoutRefresh() throws Exception {
    locks.lock(call(), "L1", "7");
    clock.now = clock.now.plus(Duration.ofMinutes(30));
    assertEquals("", locks.currentLock(DOC));
    locks.lock(call(), "L2", "7");
    assertEquals("L2", locks.currentLock(DOC));
  }

  @Test
  void putFileNeedsTheLockOrAnUnlockedEmptyFile() throws Exception {
    assertTrue(locks.requireWritable(DOC, Optional.empty(), 0).isEmpty());
    assertEquals(
        "", conflict(() -> locks.requireWritable(DOC, Optional.empty(), 1)).currentLock().get());
    locks.lock(call(), "L1", "7");
    assertEquals(
        "L1", locks.requireWritable(DOC, Optional.of("L1"), 1).orElseThrow().lockId().get());
    assertEquals(
        "L1", conflict(() -> locks.requireWritable(DOC, Optional.empty(), 0)).currentLock().get());
  }

  @Test
  void aDocsApiSessionCountsAsALockOfAnotherInterface() throws Exception {
    store.insert(
        new EditingSession(
            DOC,
            EditingSession.Protocol.DOCS_API,
            "key-1",
            "7",
            Optional.empty(),
            Set.of("olivia"),
            0,
            clock.now,
            clock.now.plus(Duration.ofHours(1)),
            0),
        clock.now);
    WopiException e = conflict(() -> locks.lock(call(), "L1", "7"));
    assertEquals("", e.currentLock().orElseThrow());
    assertTrue(e.reason().contains("Docs API"));
    conflict(() -> locks.requireWritable(DOC, Optional.of("L1"), 0));
    conflict(() -> locks.requireUnlocked(DOC));
    conflict(() -> locks.requireUnlockedOrHeld(DOC, Optional.empty()));
    assertEquals("", locks.currentLock(DOC));
  }

  @Test
  void renameNeedsTheLockOnlyWhenLocked() throws Exception {
    locks.requireUnlockedOrHeld(DOC, Optional.empty());
    locks.lock(call(), "L1", "7");
    locks.requireUnlockedOrHeld(DOC, Optional.of("L1"));
    assertEquals(
        "L1",
        conflict(() -> locks.requireUnlockedOrHeld(DOC, Optional.of("L9"))).currentLock().get());
  }

  @Test
  void aSaveMovesTheBaseVersionAndRecordsTheEditors() throws Exception {
    locks.lock(call(), "L1", "7");
    EditingSession held = locks.requireWritable(DOC, Optional.of("L1"), 5).orElseThrow();
    locks.recordSave(held, "8", Set.of("rita"), true);
    EditingSession s = store.load(DOC, clock.now).orElseThrow();
    assertEquals("8", s.baseVersion());
    assertEquals(1, s.intermediateSaves());
    assertEquals(Set.of("eddie", "rita"), s.editors());
  }

  @Test
  void lockIdsAreOneTo1024PrintableAsciiCharacters() {
    assertEquals("x".repeat(1024), WopiLocks.requireValidLockId("x".repeat(1024)));
    assertEquals("{\"S\":\"a\"}", WopiLocks.requireValidLockId("{\"S\":\"a\"}"));
    for (String bad : new String[] {null, "", "x".repeat(1025), "caf\u00e9", "a\nb"}) {
      assertEquals(
          400, assertThrows(WopiException.class, () -> WopiLocks.requireValidLockId(bad)).status());
    }
  }
}
