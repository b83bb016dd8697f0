package org.officebridge.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact JSON text of the plain values the connector builds itself (maps with string keys, lists,
 * strings, numbers, booleans, null), written in one pass. The editor page writes a signed config of
 * about 8 KB per request, twice (the page and the token's payload): through JSON-B and then a
 * second pass for the script escapes, that was a large part of the page's time. Any other value
 * (which the connector's own data does not hold) is handed to JSON-B.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Only for values this writer does not know itself. */
  private static volatile Jsonb fallback;

  private final StringBuilder out;
  private final boolean forScript;

  private JsonText(int capacity, boolean forScript) {
    this.out = new StringBuilder(capacity);
    this.forScript = forScript;
  }

  /**
   * @param value maps with string keys, lists and other iterables, arrays of objects, strings,
   *     characters, numbers, booleans, null
   * @return its compact JSON text
   * @throws IllegalArgumentException for a number JSON cannot hold (NaN, infinite)
   */
  public static String write(Object value) {
    JsonText w = new JsonText(1024, false);
    w.value(value);
    return w.out.toString();
  }

  /**
   * The same text, safe inside an HTML {@code <script>} element: {@code <}, {@code >}, {@code &},
   * U+2028 and U+2029 are written as {@code \}{@code uXXXX} escapes (they can only occur in
   * strings), so the text can neither close the element nor break a JavaScript string.
   *
   * @param value as for {@link #write(Object)}
   * @return its compact JSON text with the script escapes
   */
  public static String writeForScript(Object value) {
    JsonText w = new JsonText(8 * 1024, true);
    w.value(value);
    return w.out.toString();
  }

  private void value(Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence s) {
      string(s);
    } else if (value instanceof Map<?, ?> map) {
      object(map);
    } else if (value instanceof Iterable<?> items) {
      array(items.iterator());
    } else if (value instanceof Object[] items) {
      array(java.util.Arrays.asList(items).iterator());
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("JSON has no number " + d);
      }
      out.append(value);
    } else if (value instanceof BigDecimal d) {
      out.append(d.toString());
    } else if (value instanceof Character c) {
      string(String.valueOf(c));
    } else {
      String json = jsonb().toJson(value);
      if (forScript) {
        appendScriptSafe(json);
      } else {
        out.append(json);
      }
    }
  }

  /**
   * JSON text made safe inside an HTML {@code <script>} element, with the same escapes as {@link
   * #writeForScript(Object)}.
   *
   * @param json JSON text
   * @return the same JSON value, safe inside a script element (the text itself when nothing needs
   *     escaping)
   */
  public static String scriptSafe(String json) {
    int i = 0;
    while (i < json.length() && !scriptSensitive(json.charAt(i))) {
      i++;
    }
    if (i == json.length()) {
      return json;
    }
    JsonText w = new JsonText(json.length() + 32, true);
    w.appendScriptSafe(json);
    return w.out.toString();
  }

  /** In JSON text these characters can only be inside strings, so escaping them keeps the value. */
  private void appendScriptSafe(String json) {
    int from = 0;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (scriptSensitive(c)) {
        out.append(json, from, i);
        unicodeEscape(c);
        from = i + 1;
      }
    }
    out.append(json, from, json.length());
  }

  private void object(Map<?, ?> map) {
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(String.valueOf(e.getKey()));
      out.append(':');
      value(e.getValue());
    }
    out.append('}');
  }

  private void array(Iterator<?> items) {
    out.append('[');
    boolean first = true;
    while (items.hasNext()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      value(items.next());
    }
    out.append(']');
  }

  private void string(CharSequence s) {
    out.append('"');
    int from = 0;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !(forScript && scriptSensitive(c))) {
        continue;
      }
      out.append(s, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> unicodeEscape(c);
      }
    }
    out.append(s, from, length).append('"');
  }

  private static boolean scriptSensitive(char c) {
    return c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029;
  }

  private void unicodeEscape(char c) {
    out.append("\\u")
        .append(HEX[c >> 12 & 0xf])
        .append(HEX[c >> 8 & 0xf])
        .append(HEX[c >> 4 & 0xf])
        .append(HEX[c & 0xf]);
  }

  private static Jsonb jsonb() {
    Jsonb j = fallback;
    if (j == null) {
      synchronized (JsonText.class) {
        j = fallback;
        if (j == null) {
          j = JsonbBuilder.create();
          fallback = j;
        }
      }
    }
    return j;
  }
}
