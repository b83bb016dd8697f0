package org.officebridge.standin.session;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One server-side download the stand-in made (of {@code document.url}, a conversion source, ...).
 *
 * @param url the URL requested
 * @param authorization the JWT header value sent, if any
 * @param httpStatus the HTTP status, or -1 when nothing was received
 * @param bytes how many bytes were stored
 * @param outcome "ok" or why it failed
 * @param at when it happened
 */
public record DownloadRecord(
    URI url,
    Optional<String> authorization,
    int httpStatus,
    long bytes,
    String outcome,
    Instant at) {

  /**
   * @return the JSON-ready view
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("url", url.toString());
    m.put("authorization", authorization.orElse(null));
    m.put("httpStatus", httpStatus);
    m.put("bytes", bytes);
    m.put("outcome", outcome);
    m.put("at", at.toString());
    return m;
  }
}
