package org.officebridge.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DocumentKeysTest {

  @Test
  void plainKeysNameInstanceDocumentAndVersion() {
    assertEquals("demo-d123-7", DocumentKeys.derive("demo", "d123", "7"));
  }

  @Test
  void keysChangeWithTheVersionAndTheInstance() {
    assertNotEquals(DocumentKeys.derive("a", "d1", "1"), DocumentKeys.derive("a", "d1", "2"));
    assertNotEquals(DocumentKeys.derive("a", "d1", "1"), DocumentKeys.derive("b", "d1", "1"));
  }

  @Test
  void versionsWithOtherCharactersOrLongIdsAreHashedIntoValidKeys() {
    String odd = DocumentKeys.derive("demo", "d1", "v1:2/3");
    String colliding = DocumentKeys.derive("demo", "d1", "v1_2_3");
    assertTrue(DocumentKeys.VALID.matcher(odd).matches(), odd);
    assertNotEquals(odd, colliding);
    String longId = DocumentKeys.derive("demo", "x".repeat(200), "1");
    assertTrue(DocumentKeys.VALID.matcher(longId).matches(), longId);
    assertTrue(longId.length() <= 128);
  }

  @Test
  void plainKeysOfThisInstanceNameTheirDocument() {
    String key = DocumentKeys.derive("demo", "d-12.x", "7");
    assertEquals(
        java.util.Optional.of("d-12.x"), DocumentKeys.documentOf("demo", key).map(d -> d.value()));
  }

  @Test
  void hashedAndForeignKeysNameNoDocument() {
    assertTrue(DocumentKeys.documentOf("demo", DocumentKeys.derive("demo", "d1", "v:1")).isEmpty());
    assertTrue(DocumentKeys.documentOf("demo", DocumentKeys.derive("other", "d1", "1")).isEmpty());
    assertTrue(DocumentKeys.documentOf("demo", "demo-").isEmpty());
    assertTrue(DocumentKeys.documentOf("demo", "demo-7").isEmpty());
  }
}
