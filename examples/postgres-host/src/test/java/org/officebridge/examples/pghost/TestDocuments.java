package org.officebridge.examples.pghost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.HostException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/** Short ways to create, save and read documents in tests. */
final class TestDocuments {

  private TestDocuments() {}

  static InputStream text(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  static DocumentInfo create(PgDocumentStore store, String title, String text, User owner)
      throws HostException, IOException {
    return store.createDocument(new NewDocument(title, Optional.empty()), text(text), owner);
  }

  static VersionRequest basedOn(DocumentInfo info, User author) {
    return new VersionRequest(
        info.version(), info.fileType(), author, VersionKind.EDIT_FINAL, Optional.empty());
  }

  static String read(PgDocumentStore store, DocumentId id) throws HostException, IOException {
    try (Content content = store.openContent(id)) {
      return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
