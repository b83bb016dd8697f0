package org.officebridge.documentserver;

/**
 * A call to the Document Server failed: it could not be reached, timed out, answered with an HTTP
 * error or with something that is not the documented JSON. Subclasses carry the error code the
 * Document Server answered. Messages are for logs only: no token, no secret.
 */
public class DocumentServerException extends RuntimeException {

  /**
   * @param message what failed, for logs
   * @param cause the underlying failure, if any
   */
  public DocumentServerException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * @param message what failed, for logs
   */
  public DocumentServerException(String message) {
    super(message);
  }
}
