package org.officebridge.wopi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort of the WOPI application: JAX-RS's own answers (unknown path, wrong method) pass
 * through; anything else is a bug, logged once with its stack trace and answered 500 without
 * details.
 */
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger("org.officebridge.wopi");

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof WebApplicationException w) {
      return w.getResponse();
    }
    WopiExceptionMapper.log(request, 500, "unexpected " + e.getClass().getName());
    LOG.log(Level.SEVERE, "unexpected failure of a WOPI request", e);
    return Response.serverError().header("Cache-Control", "no-store").build();
  }
}
