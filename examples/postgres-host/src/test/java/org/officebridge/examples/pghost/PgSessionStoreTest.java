package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;

/** What the session contract leaves open: identity beyond the revision, expiry on replace. */
class PgSessionStoreTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private final PgSessionStore store = new PgSessionStore(PG.dataSource());

  private static EditingSession session(String key, Instant started, Instant expires) {
    return new EditingSession(
        new DocumentId("doc"),
        EditingSession.Protocol.DOCS_API,
        key,
        "v1",
        Optional.empty(),
        Set.of("olivia", "eddie"),
        2,
        started,
        expires,
        0);
  }

  @Test
  void aSessionIsReadBackAsStored() throws Exception {
    EditingSession stored =
        session("k1", NOW.plusNanos(123_000), NOW.plusSeconds(60)).nextRevision();
    store.insert(stored, NOW);
    assertEquals(stored, store.load(new DocumentId("doc"), NOW).orElseThrow());
  }

  @Test
  void theHolderOfAnExpiredSessionCannotReplaceOrRemoveItsSuccessor() throws Exception {
    EditingSession old = session("old-key", NOW, NOW.plusSeconds(60));
    store.insert(old, NOW);
    Instant later = NOW.plusSeconds(120);
    EditingSession successor = session("new-key", later, later.plusSeconds(60));
    assertTrue(store.insert(successor, later));
    assertEquals(old.revision(), successor.revision(), "both are revision 0");
    assertFalse(store.replace(old, old.nextRevision(), later));
    assertFalse(store.remove(old));
    assertEquals("new-key", store.load(new DocumentId("doc"), later).orElseThrow().documentKey());
  }

  @Test
  void anExpiredSessionCannotBeReplaced() throws Exception {
    EditingSession first = session("k", NOW, NOW.plusSeconds(60));
    store.insert(first, NOW);
    assertFalse(store.replace(first, first.nextRevision(), NOW.plusSeconds(60)));
  }

  @Test
  void aReplacementMustBeTheNextRevisionOfTheSameDocument() throws Exception {
    EditingSession first = session("k", NOW, NOW.plusSeconds(60));
    store.insert(first, NOW);
    assertThrows(IllegalArgumentException.class, () -> store.replace(first, first, NOW));
  }

  @Test
  void listingForgetsLapsedSessionsAndMarkers() throws Exception {
    store.insert(session("k", NOW, NOW.plusSeconds(60)), NOW);
    store.markProcessed("m", NOW.plusSeconds(60), NOW);
    assertTrue(store.list(NOW.plusSeconds(61)).isEmpty());
    assertFalse(store.isProcessed("m", NOW));
    assertTrue(store.load(new DocumentId("doc"), NOW).isEmpty());
  }

  @Test
  void markersLongerThan256CharactersAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> store.markProcessed("m".repeat(257), NOW.plusSeconds(60), NOW));
  }
}
