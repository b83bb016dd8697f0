package org.officebridge.editor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.officebridge.spi.EditorContext;

/**
 * Reads the editor page's query parameters, refusing anything unexpected: {@code mode} (edit or
 * view), {@code type} (desktop, mobile or embedded; otherwise chosen from the device) and {@code
 * actionLink} (where to scroll to, as the editor's {@code onMakeActionLink} described it).
 */
final class EditorRequestParameters {

  private static final Pattern MOBILE_AGENT =
      Pattern.compile("Mobi|Android|iPhone|iPad|iPod|Opera Mini|IEMobile|Silk|BlackBerry");

  private EditorRequestParameters() {}

  /**
   * @param value the {@code mode} parameter, possibly {@code null}
   * @return edit or view, or empty when not given
   * @throws EditorException 400 for another value
   */
  static Optional<String> mode(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (value.equals("edit") || value.equals("view")) {
      return Optional.of(value);
    }
    throw EditorException.badRequest("mode must be edit or view");
  }

  /**
   * @param type the {@code type} parameter, possibly {@code null}
   * @param userAgent the {@code User-Agent} header, possibly {@code null}
   * @param mobileHint the {@code Sec-CH-UA-Mobile} client hint, possibly {@code null}
   * @return the platform asked for, else the one the device suggests
   * @throws EditorException 400 for an unknown type
   */
  static EditorContext.Platform platform(String type, String userAgent, String mobileHint) {
    if (type != null && !type.isEmpty()) {
      return switch (type) {
        case "desktop" -> EditorContext.Platform.DESKTOP;
        case "mobile" -> EditorContext.Platform.MOBILE;
        case "embedded" -> EditorContext.Platform.EMBEDDED;
        default -> throw EditorException.badRequest("type must be desktop, mobile or embedded");
      };
    }
    if ("?1".equals(mobileHint)) {
      return EditorContext.Platform.MOBILE;
    }
    if (userAgent != null && MOBILE_AGENT.matcher(userAgent).find()) {
      return EditorContext.Platform.MOBILE;
    }
    return EditorContext.Platform.DESKTOP;
  }

  /**
   * @param value the {@code actionLink} parameter: JSON {@code {"action":{"type":"bookmark" or
   *     "comment","data":"..."}}}
   * @return the action link for {@code editorConfig.actionLink}, or empty when not given
   * @throws EditorException 400 for anything else
   */
  static Optional<Map<String, Object>> actionLink(String value) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    if (value.length() > 1024) {
      throw EditorException.badRequest("actionLink too long");
    }
    Object parsed = EditorJson.read(value).orElse(null);
    if (parsed instanceof Map<?, ?> m
        && m.size() == 1
        && m.get("action") instanceof Map<?, ?> action
        && action.get("type") instanceof String type
        && (type.equals("bookmark") || type.equals("comment"))
        && action.get("data") instanceof String data
        && !data.isEmpty()
        && data.length() <= 256) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("type", type);
      a.put("data", data);
      return Optional.of(Map.of("action", a));
    }
    throw EditorException.badRequest("actionLink must be {action:{type,data}}");
  }

  /**
   * @param locale a locale
   * @return whether it names a language
   */
  static boolean hasLanguage(Locale locale) {
    return locale != null && !locale.getLanguage().isEmpty();
  }
}
