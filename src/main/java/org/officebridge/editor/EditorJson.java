package org.officebridge.editor;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Optional;
import org.officebridge.web.Escape;

/** JSON text for the editor feature: one shared JSON-B instance (thread-safe, costly to make). */
final class EditorJson {

  private static final Jsonb JSONB = JsonbBuilder.create();

  private EditorJson() {}

  /**
   * @param value maps, lists, strings, numbers, booleans
   * @return its JSON text
   */
  static String write(Object value) {
    return JSONB.toJson(value);
  }

  /**
   * @param value a JSON value
   * @return its JSON text, safe to put inside an HTML {@code <script>} element
   */
  static String writeForScript(Object value) {
    return Escape.jsonInScript(write(value));
  }

  /**
   * @param text JSON text from a trusted store (history data)
   * @return the parsed value (maps, lists, numbers, strings, booleans), or empty when it is not
   *     JSON
   */
  static Optional<Object> read(String text) {
    try {
      return Optional.ofNullable(JSONB.fromJson(text, Object.class));
    } catch (JsonbException e) {
      return Optional.empty();
    }
  }
}
