package org.officebridge.standin.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dispatches requests by method and path regex to handlers; the single catch-all for the stand-in's
 * HTTP side (unexpected failures are logged once and answered with a bare 500).
 */
public final class Router implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(Router.class.getName());

  /** Handles one matched request. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param request the request, with the path's regex groups
     * @throws IOException when the exchange fails
     */
    void handle(Request request) throws IOException;
  }

  private record Route(String method, Pattern path, Handler handler) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();
  private final long maxBodyBytes;

  /**
   * @param maxBodyBytes the largest request body any handler may read
   */
  public Router(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * @param method an HTTP method, or "*" for any
   * @param pathRegex a regex for the whole raw path
   * @param handler what handles it
   * @return this router
   */
  public Router route(String method, String pathRegex, Handler handler) {
    routes.add(new Route(method, Pattern.compile(pathRegex), handler));
    return this;
  }

  /**
   * Dispatches one exchange. A download cut off on purpose propagates its exception, so that the
   * JDK server drops the connection short of the announced length.
   */
  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      boolean pathKnown = false;
      for (Route route : routes) {
        Matcher m = route.path().matcher(path);
        if (!m.matches()) {
          continue;
        }
        pathKnown = true;
        if (route.method().equals("*") || route.method().equals(exchange.getRequestMethod())) {
          dispatch(route, new Request(exchange, m, maxBodyBytes));
          return;
        }
      }
      Request r = new Request(exchange, null, maxBodyBytes);
      if (exchange.getRequestMethod().equals("OPTIONS")) {
        r.sendEmpty(204);
      } else if (pathKnown) {
        r.sendText(405, "method not allowed");
      } else {
        r.sendText(404, "not found");
      }
    }
  }

  private static void dispatch(Route route, Request request) throws IOException {
    try {
      route.handler().handle(request);
    } catch (StreamShaping.CutOffException e) {
      throw e;
    } catch (Request.BodyTooLargeException e) {
      request.sendTextIfOpen(413, "request body too large");
    } catch (Request.BadRequestException e) {
      request.sendTextIfOpen(400, "bad request: " + e.reason());
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "exchange failed path={0}", request.path());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "handler failed path=" + request.path(), e);
      request.sendTextIfOpen(500, "internal error");
    }
  }
}
