package org.officebridge.standin.wopi;

/**
 * UTF-7 (RFC 2152), as WOPI uses it for file names in headers ({@code X-WOPI-SuggestedTarget},
 * {@code X-WOPI-RelativeTarget}, {@code X-WOPI-RequestedName}). Encodes set D, set O (except {@code
 * \} and {@code ~}) and space, tab, CR, LF directly, {@code +} as {@code +-}, everything else as
 * modified base64 of UTF-16BE, always closed with {@code -}.
 */
public final class Utf7 {

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final String SET_D =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:?";
  private static final String SET_O = "!\"#$%&*;<=>@[]^_`{|}";

  private Utf7() {}

  private static boolean direct(char c) {
    return SET_D.indexOf(c) >= 0
        || SET_O.indexOf(c) >= 0
        || c == ' '
        || c == '\t'
        || c == '\r'
        || c == '\n';
  }

  /**
   * @param text any text
   * @return its UTF-7 form (pure ASCII)
   */
  public static String encode(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '+') {
        out.append("+-");
        i++;
      } else if (direct(c)) {
        out.append(c);
        i++;
      } else {
        int end = i;
        while (end < text.length() && !direct(text.charAt(end)) && text.charAt(end) != '+') {
          end++;
        }
        out.append('+').append(base64(text.substring(i, end))).append('-');
        i = end;
      }
    }
    return out.toString();
  }

  private static String base64(String run) {
    StringBuilder b = new StringBuilder();
    int bits = 0;
    int buffer = 0;
    for (char c : run.toCharArray()) {
      buffer = (buffer << 16) | c;
      bits += 16;
      while (bits >= 6) {
        bits -= 6;
        b.append(B64.charAt((buffer >> bits) & 0x3f));
      }
      buffer &= (1 << bits) - 1;
    }
    if (bits > 0) {
      b.append(B64.charAt((buffer << (6 - bits)) & 0x3f));
    }
    return b.toString();
  }

  /**
   * @param text UTF-7 text
   * @return the decoded text
   * @throws IllegalArgumentException when a base64 run is malformed
   */
  public static String decode(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '+') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < text.length() && text.charAt(i + 1) == '-') {
        out.append('+');
        i += 2;
        continue;
      }
      int j = i + 1;
      int bits = 0;
      int buffer = 0;
      while (j < text.length() && B64.indexOf(text.charAt(j)) >= 0) {
        buffer = (buffer << 6) | B64.indexOf(text.charAt(j));
        bits += 6;
        if (bits >= 16) {
          bits -= 16;
          out.append((char) ((buffer >> bits) & 0xffff));
          buffer &= (1 << bits) - 1;
        }
        j++;
      }
      if (bits >= 6 || buffer != 0) {
        throw new IllegalArgumentException("malformed UTF-7 base64 run");
      }
      i = j < text.length() && text.charAt(j) == '-' ? j + 1 : j;
    }
    return out.toString();
  }
}
