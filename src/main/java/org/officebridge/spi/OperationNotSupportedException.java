package org.officebridge.spi;

/**
 * The host does not implement this optional operation. The connector answers 501 (WOPI) or hides
 * the feature, and changes nothing.
 */
public final class OperationNotSupportedException extends HostException {

  /**
   * @param message a description for logs (no secret, no token)
   */
  public OperationNotSupportedException(String message) {
    super(message, null);
  }

  /**
   * @param message a description for logs (no secret, no token)
   * @param cause the underlying failure
   */
  public OperationNotSupportedException(String message, Throwable cause) {
    super(message, cause);
  }
}
