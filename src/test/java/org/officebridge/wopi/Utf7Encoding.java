package org.officebridge.wopi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * UTF-7 for the black-box tests, written apart from the connector's codec: encoding puts every
 * character outside letters, digits, space and {@code ._-()} into one Base64 run; decoding follows
 * RFC 2152.
 */
final class Utf7Encoding {

  private Utf7Encoding() {}

  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    StringBuilder run = new StringBuilder();
    for (char c : text.toCharArray()) {
      boolean direct = Character.isLetterOrDigit(c) && c < 0x80 || " ._-()".indexOf(c) >= 0;
      if (direct) {
        flush(out, run);
        out.append(c);
      } else {
        run.append(c);
      }
    }
    flush(out, run);
    return out.toString();
  }

  private static void flush(StringBuilder out, StringBuilder run) {
    if (run.length() > 0) {
      byte[] utf16 = run.toString().getBytes(StandardCharsets.UTF_16BE);
      out.append('+')
          .append(Base64.getEncoder().withoutPadding().encodeToString(utf16))
          .append('-');
      run.setLength(0);
    }
  }

  static String decode(String text) {
    StringBuilder out = new StringBuilder();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '+') {
        out.append(c);
        i++;
        continue;
      }
      int end = i + 1;
      while (end < text.length() && alphabet.indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      String run = text.substring(i + 1, end);
      if (run.isEmpty()) {
        out.append('+');
      } else {
        StringBuilder padded = new StringBuilder(run);
        while (padded.length() % 4 != 0) {
          padded.append('A');
        }
        byte[] bytes = Base64.getDecoder().decode(padded.toString());
        int chars = run.length() * 6 / 16;
        out.append(new String(bytes, 0, chars * 2, StandardCharsets.UTF_16BE));
      }
      i = end < text.length() && text.charAt(end) == '-' ? end + 1 : end;
    }
    return out.toString();
  }
}
