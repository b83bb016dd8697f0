package org.officebridge.operations;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * The admin endpoints' one translation point: an {@link AdminException} becomes its status with
 * {@code {"error": <code>, "message": <sentence>}}. The refusal was logged where it was decided.
 */
@Provider
public class AdminExceptionMapper implements ExceptionMapper<AdminException> {

  @Override
  public Response toResponse(AdminException e) {
    Response.ResponseBuilder answer =
        Response.status(e.status())
            .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
            .header("Cache-Control", "no-store")
            .entity(Map.of("error", e.code(), "message", e.getMessage()));
    if (e.status() == 401) {
      answer.header("WWW-Authenticate", "Bearer realm=\"officebridge\"");
    }
    return answer.build();
  }
}
