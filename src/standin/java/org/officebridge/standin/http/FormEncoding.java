package org.officebridge.standin.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** application/x-www-form-urlencoded and query strings. */
public final class FormEncoding {

  private FormEncoding() {}

  /**
   * @param raw a raw query string or form body
   * @return decoded name/value pairs, first value of each name wins
   */
  public static Map<String, String> decode(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new Request.BadRequestException("malformed percent-encoding");
      }
    }
    return out;
  }

  /**
   * Encodes like JavaScript's {@code encodeURIComponent}: everything except {@code A-Z a-z 0-9 - _
   * . ! ~ * ' ( )} becomes UTF-8 percent-escapes (upper-case hex).
   *
   * @param value any text
   * @return the encoded text
   */
  public static String encodeUriComponent(String value) {
    StringBuilder b = new StringBuilder();
    for (byte raw : value.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-_.!~*'()".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
