package org.officebridge.wopi;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.officebridge.spi.AccessDeniedException;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.OperationNotSupportedException;
import org.officebridge.spi.VersionConflictException;

/**
 * Translates the host's outcomes (the SPI's exceptions) that the WOPI code lets through into WOPI
 * answers, by way of {@link WopiExceptionMapper} so that each answer is built in one place.
 */
public class HostExceptionMapper implements ExceptionMapper<HostException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(HostException e) {
    WopiExceptionMapper mapper = new WopiExceptionMapper();
    mapper.request = request;
    return mapper.toResponse(translate(e));
  }

  static WopiException translate(HostException e) {
    if (e instanceof DocumentNotFoundException || e instanceof AccessDeniedException) {
      return WopiException.notFound("the DMS: " + e.getClass().getSimpleName());
    }
    if (e instanceof VersionConflictException) {
      return WopiException.lockConflict("", "the file changed meanwhile");
    }
    if (e instanceof InvalidNameException) {
      return WopiException.invalidFileName("the DMS does not accept the name", Optional.empty());
    }
    if (e instanceof NameConflictException n) {
      return WopiException.nameTaken("", "the name is taken", n.suggestion());
    }
    if (e instanceof OperationNotSupportedException) {
      return WopiException.notImplemented("the DMS does not support it");
    }
    if (e instanceof HostUnavailableException) {
      return WopiException.unavailable("the DMS is unavailable: " + e.getMessage());
    }
    return WopiException.unavailable("the DMS failed");
  }
}
