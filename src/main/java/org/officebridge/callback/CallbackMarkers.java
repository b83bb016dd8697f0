package org.officebridge.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.officebridge.spi.DocumentId;

/**
 * Names of the processed-event markers the callback handler keeps in the session store: short,
 * fixed-length hashes of what they are about.
 */
final class CallbackMarkers {

  /** The final save (status 2 or 3) of a key is stored: later 1, 2, 3 and 6 are stale. */
  static final String FINAL = "final";

  /** The session of a key ended (status 4, or a final save that could not be stored). */
  static final String CLOSED = "closed";

  /** One intermediate save (status 6 or 7) is handled. */
  static final String INTERMEDIATE = "intermediate";

  private CallbackMarkers() {}

  static String of(String kind, DocumentId id, String key, String... more) {
    StringBuilder text = new StringBuilder(id.value()).append('\n').append(key);
    for (String m : more) {
      text.append('\n').append(m);
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return "cb-" + kind + "-" + HexFormat.of().formatHex(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * @param callback an intermediate-save callback
   * @return what identifies it among the saves of its session: its save time, or its file
   */
  static String intermediateEvent(CallbackPayload callback) {
    return callback.statusCode()
        + "|"
        + callback
            .lastSave()
            .or(() -> callback.url().map(Object::toString))
            .orElse(String.join(",", callback.users()) + "|" + callback.userdata().orElse(""));
  }
}
