package org.officebridge.spi;

/**
 * A transient failure of the host (database down, storage timeout). The connector answers so that
 * the caller retries: 503 on pages and event endpoints, 500 on WOPI, and for a callback an HTTP 503
 * so that the Document Server retries and then keeps a forgotten file.
 */
public final class HostUnavailableException extends HostException {

  /**
   * @param message a description for logs (no secret, no token)
   */
  public HostUnavailableException(String message) {
    super(message, null);
  }

  /**
   * @param message a description for logs (no secret, no token)
   * @param cause the underlying failure
   */
  public HostUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
