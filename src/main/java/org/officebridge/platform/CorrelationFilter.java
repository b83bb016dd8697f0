package org.officebridge.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.officebridge.spi.CorrelationId;

/**
 * Gives every request a correlation id for its log lines and the SPI calls it makes ({@link
 * CorrelationId}): the WOPI client's {@code X-WOPI-CorrelationId}, else a proxy's {@code
 * X-Correlation-Id} or {@code X-Request-Id}, when well-formed; otherwise a new random one. Echoes
 * it as {@code X-Correlation-Id}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class CorrelationFilter extends HttpFilter {

  /** The response header carrying the id. */
  public static final String HEADER = "X-Correlation-Id";

  private static final String[] SOURCES = {"X-WOPI-CorrelationId", HEADER, "X-Request-Id"};

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String id = idOf(request);
    response.setHeader(HEADER, id);
    try (CorrelationId.Binding binding = CorrelationId.bind(id)) {
      chain.doFilter(request, response);
    }
  }

  static String idOf(HttpServletRequest request) {
    for (String header : SOURCES) {
      String value = request.getHeader(header);
      if (value != null && CorrelationId.VALID.matcher(value.strip()).matches()) {
        return value.strip();
      }
    }
    return newId();
  }

  /**
   * @return a new random id (16 hex digits), for work that no request started
   */
  public static String newId() {
    byte[] random = new byte[8];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
