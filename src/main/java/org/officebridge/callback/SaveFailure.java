package org.officebridge.callback;

/**
 * Storing what a callback carried failed; nothing was stored. Says whether the Document Server
 * should send the callback again.
 */
public final class SaveFailure extends Exception {

  /** Why it failed, and how the callback is answered. */
  public enum Kind {
    /** The download broke, timed out or the host was unavailable: 503, the DS retries. */
    TRANSIENT(503, true),
    /** The file is not on a Document Server address (SSRF attempt): 403, nothing fetched. */
    FORBIDDEN_URL(403, false),
    /** The file is larger than the size limit: 413. */
    TOO_LARGE(413, false),
    /** The document no longer exists: 404; the DS keeps a forgotten file. */
    DOCUMENT_GONE(404, false),
    /** The callback lacks what the status needs (no {@code url}): 400. */
    MALFORMED(400, false),
    /** The host refused the copy's name or the copy itself: 200 with an error. */
    REFUSED(200, false);

    private final int httpStatus;
    private final boolean retried;

    Kind(int httpStatus, boolean retried) {
      this.httpStatus = httpStatus;
      this.retried = retried;
    }

    /**
     * @return the HTTP status the callback is answered with
     */
    public int httpStatus() {
      return httpStatus;
    }

    /**
     * @return whether the Document Server is asked to retry
     */
    public boolean retried() {
      return retried;
    }
  }

  private final Kind kind;

  SaveFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /**
   * @return why it failed
   */
  public Kind kind() {
    return kind;
  }

  /**
   * @param what what was being stored, for the log
   * @return the answer to the callback: retry (503) or a permanent failure
   */
  CallbackAnswer answer(String what) {
    String outcome = what + " reason=" + kind.name().toLowerCase(java.util.Locale.ROOT);
    return kind.retried()
        ? CallbackAnswer.retry(outcome)
        : CallbackAnswer.fail(kind.httpStatus(), outcome);
  }
}
