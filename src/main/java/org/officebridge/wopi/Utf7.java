package org.officebridge.wopi;

import java.util.Base64;

/**
 * UTF-7 (RFC 2152), the encoding of the WOPI name headers ({@code X-WOPI-SuggestedTarget}, {@code
 * X-WOPI-RelativeTarget}, {@code X-WOPI-RequestedName}, {@code X-WOPI-ValidRelativeTarget}). Java
 * has no UTF-7 charset, so both directions are written here.
 *
 * <p>Decoding is strict about what would change the meaning (bad Base64 bits, unpaired surrogates)
 * and lenient about what real clients send (optional direct characters, an implicit end of a Base64
 * run).
 */
public final class Utf7 {

  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String DIRECT_EXTRA = "'(),-./:? \t\r\n";
  private static final String OPTIONAL_DIRECT = "!\"#$%&*;<=>@[]^_`{|}";

  private Utf7() {}

  /**
   * @param text UTF-7 text, as it arrived in a header
   * @return the decoded text
   * @throws IllegalArgumentException when it is not valid UTF-7 (the caller answers 400)
   */
  public static String decode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c > 0x7e || (c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
        throw new IllegalArgumentException("not a UTF-7 character");
      }
      if (c != '+') {
        out.append(c);
        i++;
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < text.length() && BASE64.indexOf(text.charAt(end)) >= 0) {
        end++;
      }
      if (end == start) {
        if (end < text.length() && text.charAt(end) == '-') {
          out.append('+');
          i = end + 1;
          continue;
        }
        throw new IllegalArgumentException("a lone '+' in UTF-7");
      }
      out.append(decodeRun(text.substring(start, end)));
      i = end < text.length() && text.charAt(end) == '-' ? end + 1 : end;
    }
    requireWellFormed(out);
    return out.toString();
  }

  private static String decodeRun(String run) {
    int bits = run.length() * 6;
    int chars = bits / 16;
    int leftover = bits % 16;
    if (chars == 0 || leftover >= 6) {
      throw new IllegalArgumentException("a UTF-7 run has a partial character");
    }
    StringBuilder padded = new StringBuilder(run);
    while (padded.length() % 4 != 0) {
      padded.append('A');
    }
    byte[] bytes = Base64.getDecoder().decode(padded.toString());
    StringBuilder out = new StringBuilder(chars);
    for (int k = 0; k < chars; k++) {
      out.append((char) (((bytes[2 * k] & 0xff) << 8) | (bytes[2 * k + 1] & 0xff)));
    }
    for (int k = 2 * chars; k < bytes.length; k++) {
      if (bytes[k] != 0) {
        throw new IllegalArgumentException("a UTF-7 run ends with non-zero bits");
      }
    }
    return out.toString();
  }

  private static void requireWellFormed(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          throw new IllegalArgumentException("an unpaired surrogate in UTF-7");
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw new IllegalArgumentException("an unpaired surrogate in UTF-7");
      }
    }
  }

  /**
   * Encodes text so that it can travel in an HTTP header: letters, digits and the RFC's direct and
   * optional-direct characters stay as they are, everything else goes into Base64 runs, each ended
   * by {@code -}.
   *
   * @param text any text
   * @return its UTF-7 form, printable ASCII only
   */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '+') {
        out.append("+-");
        i++;
      } else if (isDirect(c)) {
        out.append(c);
        i++;
      } else {
        int end = i;
        while (end < text.length() && !isDirect(text.charAt(end)) && text.charAt(end) != '+') {
          end++;
        }
        out.append('+').append(encodeRun(text.substring(i, end))).append('-');
        i = end;
      }
    }
    return out.toString();
  }

  private static boolean isDirect(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || (c != '\t' && c != '\r' && c != '\n' && DIRECT_EXTRA.indexOf(c) >= 0)
        || OPTIONAL_DIRECT.indexOf(c) >= 0;
  }

  private static String encodeRun(String run) {
    byte[] bytes = new byte[run.length() * 2];
    for (int k = 0; k < run.length(); k++) {
      bytes[2 * k] = (byte) (run.charAt(k) >> 8);
      bytes[2 * k + 1] = (byte) run.charAt(k);
    }
    return Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }
}
