package org.officebridge.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.cluster.ClusterService;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.platform.LogLine;
import org.officebridge.spi.HostUnavailableException;

/**
 * Liveness and readiness for load balancers and orchestrators. Ready means: the host's SPI is bound
 * and its session store answers (without it no editor can open and no callback be stored). Whether
 * the Document Server answers its health check is reported too, but does not make the connector
 * unready: it cannot fix that by restarting, and the DMS still works.
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  private static final Logger LOG = Logger.getLogger(HealthResource.class.getName());
  private static final String PROBE = "officebridge-readiness-probe";

  @Inject HostServices host;
  @Inject ClusterService cluster;
  @Inject Settings settings;
  @Inject DocumentServerHealth documentServer;
  @Inject Clock clock;

  /**
   * @return 200 while the application runs
   */
  @GET
  @Path("live")
  public Map<String, String> live() {
    return Map.of("status", "UP");
  }

  /**
   * @return 200 with the SPI parts, the session store, the cluster as this node sees it and the
   *     Document Server's health when ready; 503 with the same body when the session store cannot
   *     be reached, or while this node sees fewer cluster members than {@code cluster.min-members}
   *     (it refuses shared state then, so a load balancer should skip it)
   */
  @GET
  @Path("ready")
  public Response ready() {
    int members = cluster.memberCount();
    boolean quorum = members >= settings.cluster().minMembers();
    boolean sessions = sessionStoreAnswers();
    boolean ready = quorum && sessions;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", ready ? "UP" : "DOWN");
    body.put(
        "spi",
        Map.of(
            "documentStore", className(host.documents()),
            "userDirectory", className(host.users()),
            "accessPolicy", className(host.access()),
            "sessionStore", className(host.sessions())));
    body.put(
        "capabilities",
        Map.of(
            "versionHistory", host.versions().isPresent(),
            "sharing", host.sharing().isPresent(),
            "templates", host.templates().isPresent(),
            "catalog", host.catalog().isPresent()));
    body.put("sessionStore", sessions ? "UP" : "DOWN");
    body.put("cluster", Map.of("mode", settings.cluster().mode().text(), "members", members));
    body.put("documentServer", documentServer());
    return Response.status(ready ? 200 : 503).entity(body).build();
  }

  /** The implementing class, without the name of a CDI client proxy around it. */
  private static String className(Object part) {
    String name = part.getClass().getName();
    int proxy = name.indexOf('$');
    return proxy < 0 ? name : name.substring(0, proxy);
  }

  private boolean sessionStoreAnswers() {
    try {
      host.sessions().isProcessed(PROBE, clock.instant());
      return true;
    } catch (HostUnavailableException | RuntimeException e) {
      LOG.warning(
          () ->
              LogLine.event("readiness")
                  .with("outcome", "down")
                  .with("reason", "session-store")
                  .with("error", e.getClass().getSimpleName())
                  .toString());
      return false;
    }
  }

  private Map<String, Object> documentServer() {
    Optional<DocumentServerHealth.Health> h = documentServer.recent();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", h.map(x -> x.healthy() ? "UP" : "DOWN").orElse("UNKNOWN"));
    h.ifPresent(x -> out.put("checkedAt", x.at().toString()));
    h.flatMap(DocumentServerHealth.Health::problem).ifPresent(p -> out.put("problem", p));
    return out;
  }
}
