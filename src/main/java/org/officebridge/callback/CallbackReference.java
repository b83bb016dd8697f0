package org.officebridge.callback;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.officebridge.session.DocumentKeys;
import org.officebridge.spi.DocumentId;

/**
 * What a callback URL is for, signed into it by the connector: the document, the session's document
 * key, and the content version the session is based on (used when the callback arrives for a
 * session the connector has no record of).
 *
 * @param documentId the document the callback may act on
 * @param key the document key the callback must carry
 * @param baseVersion the content version the editor opened
 */
public record CallbackReference(DocumentId documentId, String key, String baseVersion) {

  /** Checks that every part is present and the key is a valid document key. */
  public CallbackReference {
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(baseVersion, "baseVersion");
    if (key == null || !DocumentKeys.VALID.matcher(key).matches()) {
      throw new IllegalArgumentException("not a document key");
    }
  }

  /**
   * @return the link subject: {@code <document id>/<key>/<base64url(version)>}
   */
  String subject() {
    return documentId.value()
        + "/"
        + key
        + "/"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(baseVersion.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param subject a verified link subject
   * @return the reference, or empty when the subject is not one
   */
  static Optional<CallbackReference> fromSubject(String subject) {
    String[] parts = subject.split("/", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      String version = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8);
      return DocumentId.parse(parts[0]).map(id -> new CallbackReference(id, parts[1], version));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
