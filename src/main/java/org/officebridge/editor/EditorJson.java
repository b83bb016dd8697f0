package org.officebridge.editor;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Optional;
import org.officebridge.platform.JsonText;
import org.officebridge.platform.Jsonp;

/** JSON text for the editor feature: written by {@link JsonText}, read by one shared JSON-B. */
final class EditorJson {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** Deepest nesting read from a browser or a store; the editor's own data is a few levels. */
  static final int MAX_DEPTH = 32;

  private EditorJson() {}

  /**
   * @param value maps, lists, strings, numbers, booleans
   * @return its JSON text
   */
  static String write(Object value) {
    return JsonText.write(value);
  }

  /**
   * @param value a JSON value
   * @return its JSON text, safe to put inside an HTML {@code <script>} element
   */
  static String writeForScript(Object value) {
    return JsonText.writeForScript(value);
  }

  /**
   * @param text JSON text from a browser (request bodies, the action link) or a store (history
   *     data)
   * @return the parsed value (maps, lists, numbers, strings, booleans), or empty when it is not
   *     exactly one JSON value nested at most {@value #MAX_DEPTH} deep
   */
  static Optional<Object> read(String text) {
    if (!isOneValue(text)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(JSONB.fromJson(text, Object.class));
    } catch (JsonbException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks what a browser or a store handed us before JSON-B reads it: exactly one JSON value
   * (JSON-B ignores what follows the first), nested at most {@value #MAX_DEPTH} deep (JSON-B
   * recurses, and a deep enough document overflows the stack).
   */
  private static boolean isOneValue(String text) {
    try (JsonParser parser = Jsonp.PROVIDER.createParser(new StringReader(text))) {
      int depth = 0;
      boolean complete = false;
      while (parser.hasNext()) {
        if (complete) {
          return false;
        }
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            if (++depth > MAX_DEPTH) {
              return false;
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {
            // a scalar or a key
          }
        }
        complete = depth == 0;
      }
      return complete;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
