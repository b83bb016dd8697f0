package org.officebridge.operations;

/**
 * An admin request ends with an answer other than success: an HTTP status, a short error code for
 * scripts, and a sentence for the administrator. Never carries a token or a host's exception text.
 */
public final class AdminException extends RuntimeException {

  private final int status;
  private final String code;

  /**
   * @param status the HTTP status
   * @param code a short error code ({@code unauthorized}, {@code no-session}, ...)
   * @param message what the administrator is told
   */
  public AdminException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return the error code
   */
  public String code() {
    return code;
  }

  static AdminException badRequest(String message) {
    return new AdminException(400, "bad-request", message);
  }

  static AdminException notFound(String code, String message) {
    return new AdminException(404, code, message);
  }

  static AdminException conflict(String code, String message) {
    return new AdminException(409, code, message);
  }

  static AdminException unavailable(String message) {
    return new AdminException(503, "unavailable", message);
  }
}
