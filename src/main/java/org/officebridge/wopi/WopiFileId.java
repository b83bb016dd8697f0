package org.officebridge.wopi;

import java.util.Objects;
import java.util.Optional;
import org.officebridge.spi.DocumentId;

/**
 * A WOPI file id: the connector's instance id, a dash, and the DMS document id, for example {@code
 * it-4f2a}. The Document Server uses the last segment of the WOPISrc as the co-editing document id
 * and lock id, so the instance prefix keeps two DMSs sharing one Document Server apart. Only {@code
 * 0-9 A-Z a-z - . _ =} and at most 221 characters, so the Document Server keeps it unchanged.
 *
 * @param instanceId the connector's instance id (no dash)
 * @param document the DMS document
 */
public record WopiFileId(String instanceId, DocumentId document) {

  /** Checks that both parts are present. */
  public WopiFileId {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(document, "document");
  }

  /**
   * @param instanceId this connector's instance id
   * @param text a file id from a URL, possibly hostile
   * @return the file id, or empty when it is malformed or belongs to another instance
   */
  public static Optional<WopiFileId> parse(String instanceId, String text) {
    String prefix = instanceId + "-";
    if (text == null || !text.startsWith(prefix)) {
      return Optional.empty();
    }
    return DocumentId.parse(text.substring(prefix.length()))
        .map(d -> new WopiFileId(instanceId, d));
  }

  /**
   * @return the id as it appears in WOPISrc
   */
  public String value() {
    return instanceId + "-" + document.value();
  }

  @Override
  public String toString() {
    return value();
  }
}
