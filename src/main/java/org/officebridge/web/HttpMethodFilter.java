package org.officebridge.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Lets only the methods the connector and its host pages use reach the WAR: GET, HEAD, POST, PUT,
 * DELETE and OPTIONS. Anything else gets 405. TRACE in particular: the servlet API's default answer
 * echoes the request, cookies and the Document Server's tokens included (cross-site tracing);
 * WildFly and Payara turn it off by default, this keeps it off on any server. Unknown methods would
 * otherwise get the servlet API's 501.
 */
@WebFilter("/*")
public class HttpMethodFilter extends HttpFilter {

  private static final Set<String> ALLOWED =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!ALLOWED.contains(request.getMethod())) {
      response.setHeader("Allow", String.join(", ", ALLOWED));
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    chain.doFilter(request, response);
  }
}
