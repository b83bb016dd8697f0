package org.officebridge.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.VersionHistory;

class SpiDiscoveryTest {

  private static SpiPart part(Class<?> type) {
    return SpiPart.ALL.stream().filter(p -> p.type() == type).findFirst().orElseThrow();
  }

  @Test
  void aMissingRequiredPartIsAProblemNamingTheInterface() {
    List<String> problems =
        SpiDiscovery.problems(
            List.of(
                new SpiDiscovery.Finding(
                    part(DocumentStore.class), SpiDiscovery.Source.MISSING, List.of())));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("org.officebridge.spi.DocumentStore"), problems.get(0));
  }

  @Test
  void aMissingOptionalPartIsNoProblem() {
    assertEquals(
        List.of(),
        SpiDiscovery.problems(
            List.of(
                new SpiDiscovery.Finding(
                    part(VersionHistory.class), SpiDiscovery.Source.MISSING, List.of()))));
  }

  @Test
  void anAmbiguousPartNamesEveryImplementation() {
    List<String> problems =
        SpiDiscovery.problems(
            List.of(
                new SpiDiscovery.Finding(
                    part(VersionHistory.class),
                    SpiDiscovery.Source.AMBIGUOUS,
                    List.of("com.example.A", "com.example.B"))));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).contains("com.example.A, com.example.B"), problems.get(0));
    assertTrue(problems.get(0).contains("@Alternative"), problems.get(0));
  }
}
