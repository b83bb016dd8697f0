package org.officebridge.standin.callback;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One callback attempt as sent and answered.
 *
 * @param seq position in the log (1-based, across all documents)
 * @param key the document key
 * @param status the status sent
 * @param callbackUrl where it was sent
 * @param body the body's parameters (without {@code token})
 * @param sentJson the exact JSON sent
 * @param bodyToken the body token, if any
 * @param headerToken the header token (without prefix), if any
 * @param attempt 1 for the first try, 2.. for retries
 * @param httpStatus the HTTP status received, or -1 on a network error
 * @param answer the response body (possibly truncated), or the error
 * @param accepted whether the answer was HTTP 2xx with {@code {"error":0}}
 * @param sentAt when the attempt ended (the answer or the error came)
 * @param took how long the attempt took, from sending to the whole answer (monotonic clock)
 */
public record CallbackRecord(
    long seq,
    String key,
    int status,
    URI callbackUrl,
    Map<String, Object> body,
    String sentJson,
    Optional<String> bodyToken,
    Optional<String> headerToken,
    int attempt,
    int httpStatus,
    String answer,
    boolean accepted,
    Instant sentAt,
    Duration took) {

  /**
   * @return the body's {@code url}, if present
   */
  public Optional<String> url() {
    return Optional.ofNullable((String) body.get("url"));
  }

  /**
   * @return the JSON-ready view used by the control endpoints
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("seq", seq);
    m.put("key", key);
    m.put("status", status);
    m.put("callbackUrl", callbackUrl.toString());
    m.put("body", body);
    m.put("bodyToken", bodyToken.orElse(null));
    m.put("headerToken", headerToken.orElse(null));
    m.put("attempt", attempt);
    m.put("httpStatus", httpStatus);
    m.put("answer", answer);
    m.put("accepted", accepted);
    m.put("sentAt", sentAt.toString());
    m.put("tookMillis", took.toMillis());
    return m;
  }
}
