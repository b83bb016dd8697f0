package org.officebridge.bench.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The cheapest JAX-RS answer the server can give: the baseline of CheckFileInfo. */
@Path("empty")
public class EmptyResource {

  /**
   * @return an empty JSON object
   */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public String get() {
    return "{}";
  }
}
