package org.officebridge.documentserver;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Whole answers for the tests' own JDK HTTP servers. */
final class Replies {

  private Replies() {}

  /**
   * Sends a status and a whole body, then ends the exchange.
   *
   * @param exchange the exchange
   * @param status the status
   * @param body the body
   * @param chunked whether to send it chunked instead of with a {@code Content-Length}
   * @throws IOException when the client is gone
   */
  static void send(HttpExchange exchange, int status, byte[] body, boolean chunked)
      throws IOException {
    exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
