package org.officebridge.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WAR's one error page ({@code web.xml} sends every error here): whatever failed, and on
 * whichever server, the answer is the status and its reason phrase, nothing else: no stack trace,
 * no exception message, no request URL (which may hold an access token), no server banner. An
 * exception that reached the container is logged here, once, with the endpoint's path only (never
 * the query, nor a signed link after it).
 */
@WebServlet("/error-page")
public class ErrorPageServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ErrorPageServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (!(code instanceof Integer status)) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      write(response, HttpServletResponse.SC_NOT_FOUND, request.getMethod());
      return;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
      Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      LOG.log(
          Level.SEVERE,
          "event=unhandled path="
              + Escape.logValue(firstSegment(String.valueOf(uri), request.getContextPath()))
              + " status="
              + status,
          t);
    }
    write(response, status, request.getMethod());
  }

  /**
   * The part of a path that names the endpoint ({@code /callback/...}): the rest may be a signed
   * link (callback, download and history links are capabilities), which never goes into a log.
   */
  static String firstSegment(String uri, String contextPath) {
    String path = uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    int second = path.indexOf('/', 1);
    return second < 0 ? path : path.substring(0, second) + "/...";
  }

  private static void write(HttpServletResponse response, int status, String method)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    if (!"HEAD".equals(method)) {
      response.getWriter().write(status + " " + reason(status) + "\n");
    }
  }

  /**
   * @param status an HTTP status
   * @return its reason phrase (RFC 9110), or "Error"
   */
  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 411 -> "Length Required";
      case 412 -> "Precondition Failed";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Error";
    };
  }
}
