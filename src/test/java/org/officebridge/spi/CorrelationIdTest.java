package org.officebridge.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CorrelationIdTest {

  @Test
  void anIdIsBoundUntilItsBindingIsClosedAndTheOuterOneComesBack() {
    assertTrue(CorrelationId.current().isEmpty());
    try (CorrelationId.Binding outer = CorrelationId.bind("outer-1")) {
      try (CorrelationId.Binding inner = CorrelationId.bind("inner-2")) {
        assertEquals(Optional.of("inner-2"), CorrelationId.current());
      }
      assertEquals(Optional.of("outer-1"), CorrelationId.current());
    }
    assertTrue(CorrelationId.current().isEmpty());
  }

  @Test
  void anIdIsNotSeenOnOtherThreads() throws Exception {
    try (CorrelationId.Binding b = CorrelationId.bind("here")) {
      Optional<?>[] seen = new Optional<?>[1];
      Thread t = new Thread(() -> seen[0] = CorrelationId.current());
      t.start();
      t.join();
      assertEquals(Optional.empty(), seen[0]);
    }
  }

  @Test
  void idsThatCouldForgeLogLinesAreRefused() {
    for (String bad : new String[] {"", "a b", "x\ny", "<script>", "a".repeat(65), "k=v"}) {
      assertThrows(IllegalArgumentException.class, () -> CorrelationId.bind(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> CorrelationId.bind(null));
  }
}
