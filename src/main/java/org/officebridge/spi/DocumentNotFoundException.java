package org.officebridge.spi;

/**
 * The document (or the version asked for) does not exist, or the host hides it from this user. The
 * connector answers 404 (WOPI, event endpoints, editor page) and for a callback stores nothing and
 * answers with an error so the Document Server keeps the file as a forgotten file.
 */
public final class DocumentNotFoundException extends HostException {

  /**
   * @param message a description for logs (no secret, no token)
   */
  public DocumentNotFoundException(String message) {
    super(message, null);
  }

  /**
   * @param message a description for logs (no secret, no token)
   * @param cause the underlying failure
   */
  public DocumentNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
