package org.officebridge.bench.baseline;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads an upload and throws it away: how fast the server takes a request body through JAX-RS, the
 * path a WOPI PutFile comes in by, with nothing stored.
 */
@Path("sink")
public class UploadSinkResource {

  /**
   * @param body the upload
   * @return how many bytes came
   * @throws IOException when the upload fails
   */
  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.TEXT_PLAIN)
  public String take(InputStream body) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = body.read(buffer)) >= 0; ) {
      total += n;
    }
    return Long.toString(total);
  }
}
