package org.officebridge.operations;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.officebridge.platform.Jsonp;

/** Reads the JSON bodies of the admin endpoints, refusing anything malformed with a 400. */
final class AdminBodies {

  /** Largest JSON body accepted. */
  static final int MAX_BODY = 16 * 1024;

  /** A document key or forgotten file key, as the Document Server accepts them. */
  static final Pattern KEY = Pattern.compile("[0-9a-zA-Z._=-]{1,128}");

  private AdminBodies() {}

  /**
   * @param in the request body
   * @return the JSON object it holds (empty for an empty body)
   * @throws AdminException 400 when it is not a JSON object or larger than 16 KiB
   */
  static JsonObject object(InputStream in) {
    byte[] bytes;
    try {
      bytes = in == null ? new byte[0] : in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw AdminException.badRequest("unreadable body");
    }
    if (bytes.length > MAX_BODY) {
      throw AdminException.badRequest("body too large");
    }
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Jsonp.PROVIDER.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw AdminException.badRequest("the body is not a JSON object");
    }
  }

  /**
   * @param body a JSON object
   * @param name a member
   * @param max its longest accepted length
   * @return the member's text, if present
   * @throws AdminException 400 when present but not text, blank, too long or with control
   *     characters
   */
  static Optional<String> optionalString(JsonObject body, String name, int max) {
    JsonValue v = body.get(name);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof JsonString s)
        || s.getString().isBlank()
        || s.getString().length() > max
        || s.getString().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw AdminException.badRequest(name + " must be 1-" + max + " printable characters");
    }
    return Optional.of(s.getString());
  }

  /**
   * @param body a JSON object
   * @param name a member
   * @param max its longest accepted length
   * @return the member's text
   * @throws AdminException 400 when missing or invalid
   */
  static String string(JsonObject body, String name, int max) {
    return optionalString(body, name, max)
        .orElseThrow(() -> AdminException.badRequest(name + " is missing"));
  }

  /**
   * @param value a key from a path or body
   * @return it, when it is a valid document key
   * @throws AdminException 400 otherwise
   */
  static String key(String value) {
    if (value == null || !KEY.matcher(value).matches()) {
      throw AdminException.badRequest("a key is 1-128 characters of 0-9 a-z A-Z . _ = -");
    }
    return value;
  }
}
