package org.officebridge.editor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the JSON bodies of the page's endpoints, refusing anything malformed with a 400. */
final class EditorEndpoints {

  /** Largest JSON body accepted. */
  static final int MAX_BODY = 64 * 1024;

  private EditorEndpoints() {}

  /**
   * @param in the request body
   * @return the JSON object it holds
   * @throws EditorException 400 when it is not a JSON object, 413 when larger than 64 KiB
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw EditorException.badRequest("unreadable body");
    }
    if (bytes.length > MAX_BODY) {
      throw new EditorException(413, "error.badRequest", "body too large");
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return Map.of();
    }
    Optional<Object> json = EditorJson.read(text);
    if (json.isEmpty() || !(json.get() instanceof Map)) {
      throw EditorException.badRequest("body is not a JSON object");
    }
    return (Map<String, Object>) json.get();
  }

  /**
   * @param body a JSON object
   * @param name a field
   * @param max its longest accepted length
   * @return the field's non-blank text
   * @throws EditorException 400 when missing, not text, blank or too long
   */
  static String string(Map<String, Object> body, String name, int max) {
    return optionalString(body, name, max)
        .orElseThrow(() -> EditorException.badRequest(name + " is missing"));
  }

  /**
   * @param body a JSON object
   * @param name a field
   * @param max its longest accepted length
   * @return the field's text, or empty when absent
   * @throws EditorException 400 when present but not text, blank or too long
   */
  static Optional<String> optionalString(Map<String, Object> body, String name, int max) {
    Object value = body.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > max) {
      throw EditorException.badRequest(name + " must be 1-" + max + " characters");
    }
    return Optional.of(s);
  }

  /**
   * @param body a JSON object
   * @param name a field
   * @return the field's boolean
   * @throws EditorException 400 when missing or not a boolean
   */
  static boolean bool(Map<String, Object> body, String name) {
    if (body.get(name) instanceof Boolean b) {
      return b;
    }
    throw EditorException.badRequest(name + " must be true or false");
  }

  /**
   * @param body a JSON object
   * @param name a field
   * @return the field's positive whole number
   * @throws EditorException 400 when missing or not a positive whole number
   */
  static int positiveInt(Map<String, Object> body, String name) {
    if (body.get(name) instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && n.doubleValue() >= 1
        && n.doubleValue() <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw EditorException.badRequest(name + " must be a positive whole number");
  }

  /**
   * @param body a JSON object
   * @param name a field
   * @param max the most elements accepted
   * @return the field's list, empty when absent
   * @throws EditorException 400 when present but not a list or too long
   */
  static List<?> list(Map<String, Object> body, String name, int max) {
    Object value = body.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> l) || l.size() > max) {
      throw EditorException.badRequest(name + " must be a list of at most " + max);
    }
    return l;
  }
}
