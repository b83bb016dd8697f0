package org.officebridge.wopi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.officebridge.platform.LogLine;

/**
 * The one place WOPI outcomes become HTTP answers, and the one place every 409 is built: it always
 * carries {@code X-WOPI-Lock} (the empty string when the file has no WOPI lock) and {@code
 * X-WOPI-LockFailureReason}. Logs each refusal once, as key=value pairs with the request's path
 * (never its query string, which holds the access token).
 */
public class WopiExceptionMapper implements ExceptionMapper<WopiException> {

  /** The request attribute holding the refusal, for {@link WopiMetricsFilter}. */
  static final String REFUSAL = WopiExceptionMapper.class.getName() + ".refusal";

  private static final Logger LOG = Logger.getLogger("org.officebridge.wopi");

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(WopiException e) {
    if (request != null) {
      request.setAttribute(REFUSAL, e);
    }
    log(request, e.status(), e.reason());
    Response.ResponseBuilder answer =
        e.status() == 409
            ? conflict(e.currentLock().orElse(""), e.reason())
            : Response.status(e.status());
    e.headers().forEach((name, value) -> answer.header(name, headerSafe(value)));
    return answer.header("Cache-Control", "no-store").build();
  }

  /**
   * The single builder of 409 answers.
   *
   * @param currentLock the file's lock, or the empty string
   * @param reason why, for the client's logs
   * @return the answer, to complete
   */
  private static Response.ResponseBuilder conflict(String currentLock, String reason) {
    return Response.status(409)
        .header(WopiHeaders.LOCK, headerSafe(currentLock))
        .header(WopiHeaders.LOCK_FAILURE_REASON, headerSafe(reason));
  }

  static void log(HttpServletRequest request, int status, String reason) {
    Level level = status >= 500 || status == 401 || status == 403 ? Level.WARNING : Level.INFO;
    if (!LOG.isLoggable(level)) {
      return;
    }
    String path = request == null ? "?" : request.getRequestURI();
    String op = request == null ? null : request.getHeader(WopiHeaders.OVERRIDE);
    LOG.log(
        level,
        LogLine.event("wopi")
            .with("method", request == null ? "?" : request.getMethod())
            .with("op", op == null ? "-" : headerSafe(op))
            .with("path", headerSafe(path))
            .with("status", status)
            .with("reason", headerSafe(reason))
            .toString());
  }

  static String headerSafe(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length() && b.length() < 1100; i++) {
      char c = value.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }
}
