package org.officebridge.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Document ids from URLs are untrusted: only the documented characters, never a folder name. */
class DocumentIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"d1", "a.b", "..a", "a..", "x=_-.9", ".hidden"})
  void acceptsIdsOfTheDocumentedCharacters(String id) {
    assertEquals(Optional.of(new DocumentId(id)), DocumentId.parse(id));
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "...", "", "a/b", "a\\b", "a%2Fb", "a b", "a\u0000", "ä"})
  void refusesPathsDotsAndOtherCharacters(String id) {
    assertTrue(DocumentId.parse(id).isEmpty(), id);
    assertThrows(IllegalArgumentException.class, () -> new DocumentId(id));
  }

  @org.junit.jupiter.api.Test
  void refusesNullAndOverlongIds() {
    assertTrue(DocumentId.parse(null).isEmpty());
    assertTrue(DocumentId.parse("a".repeat(201)).isEmpty());
    assertEquals("a".repeat(200), DocumentId.parse("a".repeat(200)).orElseThrow().value());
  }
}
