package org.officebridge.spi;

/**
 * The requested name is not acceptable to the host. The connector answers 400 (WOPI: with {@code
 * X-WOPI-InvalidFileNameError}) and changes nothing.
 */
public final class InvalidNameException extends HostException {

  /**
   * @param message a description for logs (no secret, no token)
   */
  public InvalidNameException(String message) {
    super(message, null);
  }

  /**
   * @param message a description for logs (no secret, no token)
   * @param cause the underlying failure
   */
  public InvalidNameException(String message, Throwable cause) {
    super(message, cause);
  }
}
