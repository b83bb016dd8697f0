package org.officebridge.standin.wopi;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One WOPI request the stand-in made to a host, with the answer.
 *
 * @param seq position in the log
 * @param operation CheckFileInfo, GetFile, Lock, RefreshLock, Unlock, PutFile, PutRelativeFile or
 *     RenameFile
 * @param method GET or POST
 * @param url the full URL as sent (with the access token)
 * @param headers the request headers sent
 * @param status the HTTP status, or -1 on a network error
 * @param responseHeaders the response headers (first values)
 * @param response the response body (truncated), when textual
 * @param at when it was sent
 */
public record WopiRecord(
    long seq,
    String operation,
    String method,
    String url,
    Map<String, String> headers,
    int status,
    Map<String, String> responseHeaders,
    String response,
    Instant at) {

  /**
   * @return the JSON-ready view
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", seq);
    m.put("operation", operation);
    m.put("method", method);
    m.put("url", url);
    m.put("headers", headers);
    m.put("status", status);
    m.put("responseHeaders", responseHeaders);
    m.put("response", response);
    m.put("at", at.toString());
    return m;
  }
}
