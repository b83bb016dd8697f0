package org.officebridge.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * The demo store keeps its metadata in memory; two stores over one folder (two nodes, or a tool
 * beside the server) must still see each other's writes at once.
 */
class DemoStorageSharedFolderTest {

  private static final User OWNER = User.of("owner", "Olivia Owner", Locale.ENGLISH);

  @TempDir Path dir;

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aVersionStoredThroughOneStoreIsSeenByTheOther() throws Exception {
    DemoStorage a = DemoStorage.open(dir, Clock.systemUTC());
    DemoStorage b = DemoStorage.open(dir, Clock.systemUTC());
    DocumentId id =
        a.createDocument(new NewDocument("shared.docx", Optional.empty()), bytes("one"), OWNER)
            .id();
    for (int i = 1; i <= 5; i++) {
      assertEquals(String.valueOf(i), b.describe(id).version());
      assertEquals(String.valueOf(i), a.describe(id).version());
      DemoStorage writer = i % 2 == 0 ? a : b;
      writer.storeVersion(
          id,
          new VersionRequest(
              String.valueOf(i), "docx", OWNER, VersionKind.EDIT_FINAL, Optional.empty()),
          bytes("v" + (i + 1)));
    }
    assertEquals("6", a.describe(id).version());
    assertEquals("6", b.describe(id).version());
  }

  @Test
  void favouritesRenamesAndDeletesThroughOneStoreAreSeenByTheOther() throws Exception {
    DemoStorage a = DemoStorage.open(dir, Clock.systemUTC());
    DemoStorage b = DemoStorage.open(dir, Clock.systemUTC());
    DocumentId id =
        a.createDocument(new NewDocument("notes.docx", Optional.empty()), bytes("x"), OWNER).id();
    assertFalse(b.isFavorite(id, OWNER));
    a.setFavorite(id, OWNER, true);
    assertTrue(b.isFavorite(id, OWNER));
    b.setFavorite(id, OWNER, false);
    assertFalse(a.isFavorite(id, OWNER));
    a.rename(id, "minutes.docx", OWNER);
    assertEquals("minutes.docx", b.describe(id).title());
    assertEquals(1, b.listAll().size());
    b.delete(id, OWNER);
    assertThrows(DocumentNotFoundException.class, () -> a.describe(id));
    assertEquals(0, a.listAll().size());
  }
}
