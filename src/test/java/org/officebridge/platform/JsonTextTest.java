package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** A value that is not plain: JSON-B writes it. */
  public record Item(String name, Instant at) {}

  private static JsonValue parse(String text) {
    try (var reader = Jsonp.PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  @Test
  void writesCompactJsonOfPlainValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a\"b\\c\n\t\u0001é");
    m.put("n", 42);
    m.put("l", 1L << 40);
    m.put("d", 2.5);
    m.put("whole", 1.0);
    m.put("big", new BigDecimal("12345678901234567890.5"));
    m.put("t", true);
    m.put("null", null);
    m.put("list", List.of(1, "two", List.of()));
    m.put("array", new Object[] {"x", 3});
    m.put("empty", Map.of());
    assertEquals(
        "{\"s\":\"a\\\"b\\\\c\\n\\t\\u0001é\",\"n\":42,\"l\":1099511627776,\"d\":2.5,"
            + "\"whole\":1.0,\"big\":12345678901234567890.5,\"t\":true,\"null\":null,"
            + "\"list\":[1,\"two\",[]],\"array\":[\"x\",3],\"empty\":{}}",
        JsonText.write(m));
  }

  @Test
  void theScriptFormEscapesWhatCouldEndTheElementOrAJavaScriptString() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("</script><!--&", "x\u2028y\u2029z>");
    String script = JsonText.writeForScript(m);
    assertEquals(
        "{\"\\u003c/script\\u003e\\u003c!--\\u0026\":\"x\\u2028y\\u2029z\\u003e\"}", script);
    assertEquals(parse(JsonText.write(m)), parse(script), "the same value");
  }

  @Test
  void otherValuesGoThroughJsonbAndStayScriptSafe() {
    Item item = new Item("<b>", Instant.parse("2026-11-27T00:00:00Z"));
    assertEquals(parse(JSONB.toJson(item)), parse(JsonText.write(item)));
    assertFalse(JsonText.writeForScript(List.of(item)).contains("<"));
  }

  @Test
  void numbersJsonCannotHoldAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> JsonText.write(List.of(Double.NaN)));
    assertThrows(
        IllegalArgumentException.class, () -> JsonText.write(Map.of("x", Float.NEGATIVE_INFINITY)));
  }

  /**
   * Random nested values, strings drawn from every kind of character that needs care: both forms
   * parse back to what JSON-B writes for the same value, and the script form holds none of the
   * characters it must escape.
   */
  @Test
  void randomValuesReadBackAsJsonbWritesThem() {
    Random random = new Random(20261127);
    for (int i = 0; i < 2_000; i++) {
      Object value = randomValue(random, 0);
      JsonValue expected = parse(JSONB.toJson(value));
      assertEquals(expected, parse(JsonText.write(value)), "case " + i);
      String script = JsonText.writeForScript(value);
      assertEquals(expected, parse(script), "case " + i);
      for (char c : new char[] {'<', '>', '&', '\u2028', '\u2029'}) {
        assertFalse(script.indexOf(c) >= 0, "case " + i + " holds U+" + (int) c);
      }
    }
  }

  private static Object randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    return switch (kind) {
      case 0 -> randomString(random);
      case 1 -> random.nextInt();
      case 2 -> random.nextBoolean();
      case 3 -> random.nextBoolean() ? null : random.nextLong();
      case 4 -> random.nextDouble() * 1e6;
      case 5 -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int n = random.nextInt(5); n > 0; n--) {
          m.put(randomString(random), randomValue(random, depth + 1));
        }
        yield m;
      }
      default -> {
        List<Object> l = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
          l.add(randomValue(random, depth + 1));
        }
        yield random.nextBoolean() ? l : l.toArray();
      }
    };
  }

  private static String randomString(Random random) {
    char[] pool = {
      'a', 'Z', '0', ' ', '"', '\\', '/', '<', '>', '&', '\n', '\r', '\t', '\b', '\f', '\u0000',
      '\u001f', '\u007f', 'é', '\u2028', '\u2029', '\u4e2d', '\ud83d', '\ude00'
    };
    char[] s = new char[random.nextInt(12)];
    for (int i = 0; i < s.length; i++) {
      s[i] = pool[random.nextInt(pool.length)];
    }
    // surrogates only in pairs, as in text of real characters
    StringBuilder b = new StringBuilder();
    for (char c : s) {
      if (Character.isHighSurrogate(c)) {
        b.append("\ud83d\ude00");
      } else if (!Character.isLowSurrogate(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  @Test
  void arraysOfPrimitivesAreNotPlainValuesAndGoThroughJsonb() {
    int[] numbers = {1, 2, 3};
    assertEquals(parse(Arrays.toString(numbers).replace(" ", "")), parse(JsonText.write(numbers)));
  }
}
