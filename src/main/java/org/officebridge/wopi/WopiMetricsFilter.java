package org.officebridge.wopi;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;

/**
 * Counts and times every WOPI request by operation and status, and counts the lock conflicts among
 * its refusals ({@link WopiExceptionMapper} leaves the refusal in a request attribute, and logs
 * it); logs every other answer at FINE. The time is until the answer is ready; streaming a GetFile
 * body comes after.
 */
@Provider
public class WopiMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = WopiMetricsFilter.class.getName() + ".started";
  private static final List<String> OVERRIDES =
      List.of(
          WopiHeaders.Overrides.LOCK,
          WopiHeaders.Overrides.GET_LOCK,
          WopiHeaders.Overrides.REFRESH_LOCK,
          WopiHeaders.Overrides.UNLOCK,
          WopiHeaders.Overrides.PUT_RELATIVE,
          WopiHeaders.Overrides.RENAME_FILE,
          WopiHeaders.Overrides.DELETE,
          WopiHeaders.Overrides.PUT_USER_INFO);

  private static final Logger LOG = Logger.getLogger("org.officebridge.wopi");

  @Inject Metrics metrics;
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object started = request.getProperty(STARTED);
    long nanos = started instanceof Long s ? System.nanoTime() - s : 0;
    String operation = operation(request);
    metrics.wopiRequest(operation, response.getStatus(), nanos);
    if (response.getStatus() < 400) {
      LOG.fine(
          () ->
              LogLine.event("wopi")
                  .with("op", operation)
                  .with("path", request.getUriInfo().getPath())
                  .with("status", response.getStatus())
                  .with("ms", nanos / 1_000_000)
                  .toString());
    }
    // a lock conflict is a 409; only then look at the servlet request, whose injected proxy takes
    // a lock shared by all requests (Jersey's HK2) on every call
    if (response.getStatus() == 409 && servletRequest != null) {
      Object refusal = servletRequest.getAttribute(WopiExceptionMapper.REFUSAL);
      if (refusal instanceof WopiException e && e.isLockConflict()) {
        metrics.lockConflict(Metrics.WOPI);
      }
    }
  }

  /** The WOPI operation a request asks for, from a fixed list (so labels stay few). */
  static String operation(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    boolean contents = path.endsWith("/contents");
    String method = request.getMethod();
    if ("GET".equals(method)) {
      return contents ? "GetFile" : "CheckFileInfo";
    }
    if ("POST".equals(method) && contents) {
      return "PutFile";
    }
    String override = request.getHeaderString(WopiHeaders.OVERRIDE);
    String op = override == null ? "" : override.strip().toUpperCase(Locale.ROOT);
    return "POST".equals(method) && OVERRIDES.contains(op) ? op : "other";
  }
}
