package org.officebridge.web;

import org.officebridge.platform.JsonText;

/**
 * Escapes untrusted text (titles, user names, anything from the DMS) for the context it is written
 * into. Each method is total: any input, including control characters and lone surrogates, gives
 * output that cannot leave its context.
 */
public final class Escape {

  private Escape() {}

  /**
   * For HTML text content and quoted attribute values.
   *
   * @param text untrusted text
   * @return the text with {@code & < > " '} as character references and controls removed
   */
  public static String html(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (c >= 0x20 && c != 0x7f || c == '\n' || c == '\t') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /**
   * For text inside a JavaScript string literal or JSON string (without the quotes), also safe
   * inside an HTML {@code <script>} element: every character that could end the string, the script
   * element or an HTML comment is written as a {@code \\uXXXX} escape.
   *
   * @param text untrusted text
   * @return the escaped text
   */
  public static String jsString(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20
          || c == '"'
          || c == '\''
          || c == '\\'
          || c == '<'
          || c == '>'
          || c == '&'
          || c == '/'
          || c == '`'
          || c == 0x2028
          || c == 0x2029
          || Character.isSurrogate(c)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Makes serialized JSON safe to embed in an HTML {@code <script>} element: {@code < > &} and the
   * JavaScript line separators become {@code \\uXXXX} escapes, which JSON and JavaScript read back
   * as the same characters. Only valid for JSON text whose strings are already JSON-escaped.
   *
   * @param json serialized JSON
   * @return the same JSON value, safe inside a script element
   */
  public static String jsonInScript(String json) {
    return JsonText.scriptSafe(json);
  }

  /**
   * For a value in a log line: printable ASCII only (so a value cannot forge a log line), at most
   * 300 characters.
   *
   * @param text untrusted text
   * @return the text with every other character as {@code ?}, shortened
   */
  public static String logValue(String text) {
    StringBuilder b = new StringBuilder(Math.min(text.length(), 300));
    for (int i = 0; i < text.length() && b.length() < 300; i++) {
      char c = text.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }

  /**
   * For a single URL query parameter value.
   *
   * @param text untrusted text
   * @return the percent-encoded UTF-8 value
   */
  public static String urlParam(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
