package org.officebridge.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Optional;

/**
 * Where a browser request comes from, for the CSRF checks of the connector's pages: a browser names
 * the page a request comes from in {@code Origin} (fetches that change something) or at least
 * {@code Referer}; either must be the connector's own origin. The connector's origin is that of
 * {@code officebridge.editor.browser-url} when configured (behind a reverse proxy), else the one
 * the request was made to.
 */
public final class BrowserOrigin {

  private BrowserOrigin() {}

  /**
   * @param request a browser request
   * @param browserUrl the configured browser URL, if any
   * @return whether the request comes from the connector's own pages; a GET without {@code Origin}
   *     and {@code Referer} counts as same-origin (a link or a same-origin fetch)
   */
  public static boolean isSameOrigin(HttpServletRequest request, Optional<URI> browserUrl) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      String referer = request.getHeader("Referer");
      if (referer == null) {
        return "GET".equals(request.getMethod());
      }
      origin = of(referer).orElse("");
    }
    return origin.equalsIgnoreCase(own(request, browserUrl));
  }

  /**
   * @param request a browser request
   * @param browserUrl the configured browser URL, if any
   * @return the connector's origin as the browser sees it
   */
  public static String own(HttpServletRequest request, Optional<URI> browserUrl) {
    if (browserUrl.isPresent()) {
      return of(browserUrl.get().toString()).orElse("");
    }
    String host = request.getHeader("Host");
    return request.getScheme() + "://" + (host == null ? request.getServerName() : host);
  }

  /**
   * @param url an absolute URL
   * @return its origin ({@code scheme://authority}), if it has one
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
