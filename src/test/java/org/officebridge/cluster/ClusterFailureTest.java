package org.officebridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.SessionStore;

/** What the shared store guarantees when a member dies. */
class ClusterFailureTest {

  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  private static EditingSession session(String doc) {
    return new EditingSession(
        new DocumentId(doc),
        EditingSession.Protocol.DOCS_API,
        doc + "-key",
        "1",
        Optional.empty(),
        Set.of("u1"),
        0,
        NOW,
        NOW.plusSeconds(600),
        0);
  }

  @Test
  void sessionsAndMarkersSurviveTheDeathOfTheMemberThatWroteThem() throws Exception {
    try (TestGrid grid = TestGrid.start(2, 1)) {
      SessionStore a = grid.store(0);
      for (int i = 0; i < 50; i++) {
        assertTrue(a.insert(session("doc-" + i), NOW));
        assertTrue(a.markProcessed("event-" + i, NOW.plusSeconds(600), NOW));
      }
      grid.member(0).getLifecycleService().terminate();
      SessionStore b = grid.store(1);
      for (int i = 0; i < 50; i++) {
        assertTrue(b.load(new DocumentId("doc-" + i), NOW).isPresent(), "doc-" + i);
        assertTrue(b.isProcessed("event-" + i, NOW), "event-" + i);
      }
    }
  }

  @Test
  void aMemberLeftAloneBelowMinMembersRefusesSharedState() throws Exception {
    try (TestGrid grid = TestGrid.start(2, 2)) {
      SessionStore b = grid.store(1);
      assertTrue(b.insert(session("protected"), NOW));
      grid.member(0).getLifecycleService().terminate();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (grid.member(1).getCluster().getMembers().size() > 1
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      assertEquals(1, grid.member(1).getCluster().getMembers().size());
      assertThrows(
          HostUnavailableException.class,
          () -> b.load(new DocumentId("protected"), NOW),
          "a minority side must neither read nor change locks");
      assertThrows(HostUnavailableException.class, () -> b.insert(session("other"), NOW));
    }
  }
}
