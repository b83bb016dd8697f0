package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A callback body is exactly one JSON object; anything else is a 400, never a 500. */
class CallbackBodyTest {

  @Test
  void readsOneObject() {
    assertEquals(
        "x",
        CallbackServlet.object(bytes(" {\"token\":\"x\"}\n")).orElseThrow().getString("token"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "[]",
        "\"token\"",
        "{",
        "{\"token\":\"x\"} {\"token\":\"y\"}",
        "{}{}",
        "{} trailing",
        "{'token':'x'}"
      })
  void refusesAnythingButExactlyOneObject(String body) {
    assertTrue(CallbackServlet.object(bytes(body)).isEmpty(), body);
  }

  @Test
  void refusesDeepNestingWithoutFailing() {
    assertTrue(CallbackServlet.object(bytes("[".repeat(100_000))).isEmpty());
    assertTrue(
        CallbackServlet.object(bytes("{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000)))
            .isEmpty());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
