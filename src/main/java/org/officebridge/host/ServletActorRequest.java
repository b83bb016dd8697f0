package org.officebridge.host;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.officebridge.spi.ActorRequest;

/** The SPI's view of a browser request, over the servlet request. */
public final class ServletActorRequest implements ActorRequest {

  private final HttpServletRequest request;

  /**
   * @param request the browser's request
   */
  public ServletActorRequest(HttpServletRequest request) {
    this.request = request;
  }

  @Override
  public Optional<Principal> principal() {
    return Optional.ofNullable(request.getUserPrincipal());
  }

  @Override
  public boolean isUserInRole(String role) {
    return request.isUserInRole(role);
  }

  @Override
  public Optional<String> cookie(String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> c.getName().equals(name))
        .map(Cookie::getValue)
        .findFirst();
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeader(name));
  }

  @Override
  public Locale locale() {
    return request.getLocale();
  }
}
