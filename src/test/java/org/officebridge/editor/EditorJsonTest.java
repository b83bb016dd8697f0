package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the editor endpoints accept as a JSON body or action link. */
class EditorJsonTest {

  @Test
  void readsOneValue() {
    assertEquals(Optional.of(Map.of("title", "a")), EditorJson.read("{\"title\":\"a\"}"));
    assertEquals(Optional.of(List.of()), EditorJson.read(" [] "));
    assertEquals(Optional.of("s"), EditorJson.read("\"s\""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\":\"a\"} {}",
        "{\"title\":\"renamed\"}{\"title\":\"other\"}",
        "[] x",
        "{\"a\":1} // comment",
        "",
        "{",
        "{'a':1}",
        "nul"
      })
  void refusesAnythingButExactlyOneValue(String text) {
    assertTrue(EditorJson.read(text).isEmpty(), text);
  }

  @Test
  void refusesDeepNestingWithoutOverflowingTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertTrue(EditorJson.read(deep).isEmpty());
    String nested = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    assertTrue(EditorJson.read(nested).isEmpty());
    String limit = "[".repeat(EditorJson.MAX_DEPTH) + "]".repeat(EditorJson.MAX_DEPTH);
    assertTrue(EditorJson.read(limit).isPresent());
  }
}
