package org.officebridge.spi;

/**
 * The host refuses the action to this user, beyond what {@link AccessPolicy} already said. The
 * connector answers 403 (404 on WOPI, which does not reveal existence) and changes nothing.
 */
public final class AccessDeniedException extends HostException {

  /**
   * @param message a description for logs (no secret, no token)
   */
  public AccessDeniedException(String message) {
    super(message, null);
  }

  /**
   * @param message a description for logs (no secret, no token)
   * @param cause the underlying failure
   */
  public AccessDeniedException(String message, Throwable cause) {
    super(message, cause);
  }
}
