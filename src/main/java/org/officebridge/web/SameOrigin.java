package org.officebridge.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The same-origin check of every state-changing browser request (the editor's event endpoints, the
 * WOPI host page, the demo's forms): a browser names the page a request comes from in {@code
 * Origin} (or at least {@code Referer}), and that must be the connector's own origin. Cross-site
 * forms and scripts cannot forge either header.
 */
public final class SameOrigin {

  private SameOrigin() {}

  /**
   * @param request a browser request
   * @param expectedOrigin the connector's origin as browsers see it ({@code scheme://host[:port]}),
   *     when configured; empty to accept the request's own {@code Host} under http or https (which
   *     also holds behind a TLS-terminating proxy that keeps the Host header)
   * @param allowWithoutHeaders whether a request carrying neither header passes (true for reads:
   *     browsers omit both on plain same-origin GETs; false for anything that changes state)
   * @return whether the request comes from the connector's own pages
   */
  public static boolean check(
      HttpServletRequest request, Optional<String> expectedOrigin, boolean allowWithoutHeaders) {
    Optional<String> origin =
        Optional.ofNullable(request.getHeader("Origin"))
            .filter(o -> !o.equals("null"))
            .or(() -> Optional.ofNullable(request.getHeader("Referer")).flatMap(SameOrigin::of));
    if (origin.isEmpty()) {
      return allowWithoutHeaders
          && request.getHeader("Origin") == null
          && request.getHeader("Referer") == null;
    }
    String actual = origin.get().toLowerCase(Locale.ROOT);
    if (expectedOrigin.isPresent()) {
      return actual.equals(expectedOrigin.get().toLowerCase(Locale.ROOT));
    }
    String host = request.getHeader("Host");
    if (host == null || host.isBlank()) {
      return false;
    }
    String own = host.toLowerCase(Locale.ROOT);
    return actual.equals("http://" + own) || actual.equals("https://" + own);
  }

  /**
   * @param url an absolute URL, possibly hostile
   * @return its origin ({@code scheme://authority}), or empty when it has none
   */
  public static Optional<String> of(String url) {
    try {
      URI u = URI.create(url);
      if (u.getScheme() == null || u.getRawAuthority() == null) {
        return Optional.empty();
      }
      return Optional.of(u.getScheme() + "://" + u.getRawAuthority());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
