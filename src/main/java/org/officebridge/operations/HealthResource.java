package org.officebridge.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.officebridge.cluster.ClusterService;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;

/** Liveness and readiness for load balancers and orchestrators. */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject HostServices host;
  @Inject ClusterService cluster;
  @Inject Settings settings;

  /**
   * @return 200 while the application runs
   */
  @GET
  @Path("live")
  public Map<String, String> live() {
    return Map.of("status", "UP");
  }

  /**
   * @return 200 with the host's optional capabilities and the cluster as this node sees it once the
   *     SPI is bound; 503 while this node sees fewer cluster members than {@code
   *     cluster.min-members} (it refuses shared state then, so a load balancer should skip it)
   */
  @GET
  @Path("ready")
  public Response ready() {
    int members = cluster.memberCount();
    boolean ready = members >= settings.cluster().minMembers();
    Map<String, Object> body =
        Map.of(
            "status",
            ready ? "UP" : "DOWN",
            "capabilities",
            Map.of(
                "versionHistory", host.versions().isPresent(),
                "sharing", host.sharing().isPresent(),
                "templates", host.templates().isPresent(),
                "catalog", host.catalog().isPresent()),
            "cluster",
            Map.of("mode", settings.cluster().mode().text(), "members", members));
    return Response.status(ready ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(body)
        .build();
  }
}
