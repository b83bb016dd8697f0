package org.officebridge.editor;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.platform.LogLine;

/**
 * The editor endpoints' one translation point: an {@link EditorException} becomes its status with
 * {@code {"error": <key>, "message": <text in the user's language>}}; nothing else about the cause
 * reaches the browser.
 */
@Provider
public class EditorExceptionMapper implements ExceptionMapper<EditorException> {

  private static final Logger LOG = Logger.getLogger(EditorExceptionMapper.class.getName());

  @Context HttpServletRequest request;
  @Inject Settings settings;

  @Override
  public Response toResponse(EditorException e) {
    LOG.info(
        () ->
            LogLine.event("editor-endpoint")
                .with("outcome", "refused")
                .with("status", e.status())
                .with("path", request == null ? null : request.getRequestURI())
                .with("reason", e.getMessage())
                .toString());
    Locale locale =
        settings == null
            ? Locale.ENGLISH
            : settings
                .editor()
                .locale()
                .orElse(request == null ? Locale.ENGLISH : request.getLocale());
    String message = EditorMessages.forLocale(locale).text(e.messageKey());
    return Response.status(e.status())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .entity(EditorJson.write(Map.of("error", e.messageKey(), "message", message)))
        .build();
  }
}
