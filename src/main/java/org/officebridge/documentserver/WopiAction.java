package org.officebridge.documentserver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One action of a WOPI client's discovery ({@code <action name="edit" ext="docx" .../>}).
 *
 * @param app the {@code app} element's name (Word, Excel, PowerPoint, Pdf, ...)
 * @param name the action's name as published (view, edit, editnew, embedview, mobileView, convert,
 *     ...)
 * @param ext the lower-case extension it applies to
 * @param urlsrc the action URL template with its placeholders
 * @param requires the WOPI capabilities it needs ({@code locks}, {@code update}, ...)
 * @param targetExt for {@code convert}: the extension the client converts to
 * @param favIconUrl the app's favicon, if published
 */
public record WopiAction(
    String app,
    String name,
    String ext,
    String urlsrc,
    Set<String> requires,
    Optional<String> targetExt,
    Optional<String> favIconUrl) {

  /** The placeholder of the WOPISrc, which every action URL must carry. */
  public static final String WOPI_SOURCE = "WOPI_SOURCE";

  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_]+)=([A-Za-z0-9_]+)&?>");

  /** Checks that every part is present and copies the set. */
  public WopiAction {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(ext, "ext");
    Objects.requireNonNull(urlsrc, "urlsrc");
    Objects.requireNonNull(targetExt, "targetExt");
    Objects.requireNonNull(favIconUrl, "favIconUrl");
    requires = Set.copyOf(requires);
  }

  /**
   * Builds the URL to open: each {@code <param=PLACEHOLDER&>} whose placeholder has a value becomes
   * {@code param=value&}, every other one is dropped, and the stray separators this leaves ({@code
   * ?&}, {@code &&}, a trailing {@code &}) are cleaned up. If the template has no {@link
   * #WOPI_SOURCE} placeholder, {@code wopisrc} is appended.
   *
   * @param values placeholder names (UI_LLCC, WOPI_SOURCE, ...) and their unencoded values
   * @return the action URL
   */
  public String url(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(urlsrc);
    StringBuilder out = new StringBuilder(urlsrc.length() + 128);
    boolean hadSource = false;
    while (m.find()) {
      String value = values.get(m.group(2));
      hadSource |= WOPI_SOURCE.equals(m.group(2));
      m.appendReplacement(
          out, value == null ? "" : Matcher.quoteReplacement(m.group(1) + "=" + enc(value) + "&"));
    }
    m.appendTail(out);
    String url = out.toString();
    if (!hadSource && values.containsKey(WOPI_SOURCE)) {
      url += (url.contains("?") ? "&" : "?") + "wopisrc=" + enc(values.get(WOPI_SOURCE));
    }
    url = url.replaceAll("&{2,}", "&").replace("?&", "?");
    while (url.endsWith("&") || url.endsWith("?")) {
      url = url.substring(0, url.length() - 1);
    }
    return url;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
