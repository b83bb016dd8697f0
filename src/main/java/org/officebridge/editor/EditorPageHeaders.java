package org.officebridge.editor;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.officebridge.config.Settings;

/**
 * The security headers of editor pages: a Content-Security-Policy that lets scripts, frames and
 * connections come only from this connector and the Document Server, and framing only by the
 * configured ancestors ({@code officebridge.editor.frame-ancestors}); no caching (the page carries
 * signed tokens).
 */
final class EditorPageHeaders {

  private EditorPageHeaders() {}

  /**
   * @param settings the connector's settings
   * @return the URL of the Document Server's api.js as browsers load it
   */
  static String apiJs(Settings settings) {
    return settings.documentServer().publicUrl() + "/web-apps/apps/api/documents/api.js";
  }

  /**
   * @param settings the connector's settings
   * @return the Document Server's origin as browsers reach it
   */
  static String documentServerOrigin(Settings settings) {
    URI ds = settings.documentServer().publicUrl();
    return ds.getScheme() + "://" + ds.getRawAuthority();
  }

  /**
   * @param response the page's response
   * @param settings the connector's settings
   */
  static void apply(HttpServletResponse response, Settings settings) {
    String ds = documentServerOrigin(settings);
    List<String> ancestors = settings.editor().frameAncestors();
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self' "
            + ds
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: "
            + ds
            + "; font-src 'self' "
            + ds
            + "; connect-src 'self' "
            + ds
            + "; frame-src "
            + ds
            + "; child-src "
            + ds
            + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors "
            + String.join(" ", ancestors));
    if (ancestors.equals(List.of("'self'"))) {
      response.setHeader("X-Frame-Options", "SAMEORIGIN");
    } else if (ancestors.equals(List.of("'none'"))) {
      response.setHeader("X-Frame-Options", "DENY");
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
  }
}
