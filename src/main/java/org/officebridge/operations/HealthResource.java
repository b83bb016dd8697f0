package org.officebridge.operations;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.officebridge.host.HostServices;

/** Liveness and readiness for load balancers and orchestrators. */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject HostServices host;

  /**
   * @return 200 while the application runs
   */
  @GET
  @Path("live")
  public Map<String, String> live() {
    return Map.of("status", "UP");
  }

  /**
   * @return 200 with the host's optional capabilities once the SPI is bound
   */
  @GET
  @Path("ready")
  public Map<String, Object> ready() {
    return Map.of(
        "status",
        "UP",
        "capabilities",
        Map.of(
            "versionHistory", host.versions().isPresent(),
            "sharing", host.sharing().isPresent(),
            "templates", host.templates().isPresent(),
            "catalog", host.catalog().isPresent()));
  }
}
