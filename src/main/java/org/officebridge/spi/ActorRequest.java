package org.officebridge.spi;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of the browser's HTTP request a host may use to tell who is acting. Only offered on
 * requests made by a user's browser (editor pages, event endpoints), never on Document Server
 * callbacks or WOPI calls, which carry their own signed identity.
 */
public interface ActorRequest {

  /**
   * @return the principal the container authenticated, if any
   */
  Optional<Principal> principal();

  /**
   * @param role a role name
   * @return whether the container says the user has the role
   */
  boolean isUserInRole(String role);

  /**
   * @param name a cookie name
   * @return the cookie's value, if the request carries it
   */
  Optional<String> cookie(String name);

  /**
   * @param name a header name, case-insensitive
   * @return the header's first value, if present
   */
  Optional<String> header(String name);

  /**
   * @return the browser's preferred locale
   */
  Locale locale();
}
