package org.officebridge.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.officebridge.config.Secret;
import org.officebridge.config.Settings;
import org.officebridge.platform.Metrics;

/**
 * {@code GET api/metrics}: the connector's metrics in the Prometheus text format. Readable with the
 * scrape token ({@code Authorization: Bearer <officebridge.metrics.token>}) or by an administrator;
 * anyone else gets 401 (no credentials) or 403.
 */
@Path("metrics")
@RequestScoped
public class MetricsResource {

  /** The Prometheus text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  @Inject Metrics metrics;
  @Inject Settings settings;
  @Inject AdminGuard guard;

  /**
   * @param request the scrape
   * @return the metrics
   */
  @GET
  public Response scrape(@Context HttpServletRequest request) {
    if (!hasScrapeToken(request.getHeader("Authorization"))) {
      guard.require(request, "metrics");
    }
    return Response.ok(metrics.prometheusText(), CONTENT_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  private boolean hasScrapeToken(String authorization) {
    if (settings.operations().metricsToken().isEmpty() || authorization == null) {
      return false;
    }
    String value = authorization.strip();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    Secret expected = settings.operations().metricsToken().get();
    return MessageDigest.isEqual(
        expected.bytes(), value.substring(7).strip().getBytes(StandardCharsets.UTF_8));
  }
}
