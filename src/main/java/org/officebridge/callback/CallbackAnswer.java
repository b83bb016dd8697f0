package org.officebridge.callback;

/**
 * How the connector answers one callback, and what its log line says happened.
 *
 * @param httpStatus the HTTP status: 200 when handled; 503 when the Document Server should retry
 *     (for a final save it retries 3 times, then keeps a forgotten file); 4xx for refused or
 *     malformed callbacks and permanent failures, which it does not retry
 * @param error the body's {@code error}: 0 only when everything the callback carried is stored
 * @param outcome a short token for the log, optionally followed by key=value pairs
 */
public record CallbackAnswer(int httpStatus, int error, String outcome) {

  /**
   * @param outcome what happened
   * @return {@code 200 {"error":0}}
   */
  static CallbackAnswer ok(String outcome) {
    return new CallbackAnswer(200, 0, outcome);
  }

  /**
   * @param outcome what failed
   * @return {@code 503 {"error":1}}: the Document Server retries
   */
  static CallbackAnswer retry(String outcome) {
    return new CallbackAnswer(503, 1, outcome);
  }

  /**
   * @param httpStatus a 4xx status, or 200 for a failure that is not the request's fault
   * @param outcome what failed
   * @return {@code <status> {"error":1}}: the Document Server does not retry
   */
  static CallbackAnswer fail(int httpStatus, String outcome) {
    return new CallbackAnswer(httpStatus, 1, outcome);
  }

  /**
   * @return whether the callback was acknowledged
   */
  public boolean acknowledged() {
    return error == 0;
  }
}
