package org.officebridge.documentserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A tiny HTTP server on a loopback address standing in for the Document Server in unit tests of the
 * clients: answers each request with the next canned reply and records what it received.
 */
final class FakeDocumentServer implements AutoCloseable {

  /** A received request. */
  record Received(String method, URI uri, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A canned reply. */
  record Reply(int status, String contentType, byte[] body, long delayMillis) {
    static Reply json(String json) {
      return new Reply(200, "application/json", json.getBytes(StandardCharsets.UTF_8), 0);
    }

    static Reply bytes(byte[] body) {
      return new Reply(200, "application/octet-stream", body, 0);
    }

    Reply delayed(long millis) {
      return new Reply(status, contentType, body, millis);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  FakeDocumentServer() throws IOException {
    this("127.0.0.1");
  }

  FakeDocumentServer(String address) throws IOException {
    server = HttpServer.create(new InetSocketAddress(address, 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  URI baseUrl() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort());
  }

  FakeDocumentServer answer(Reply... next) {
    replies.addAll(List.of(next));
    return this;
  }

  FakeDocumentServer answerJson(String... json) {
    for (String j : json) {
      replies.add(Reply.json(j));
    }
    return this;
  }

  List<Received> received() {
    return received;
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestURI(),
              Map.copyOf(exchange.getRequestHeaders()),
              new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }
    Reply reply = replies.poll();
    if (reply == null) {
      reply = new Reply(500, "text/plain", "no reply queued".getBytes(StandardCharsets.UTF_8), 0);
    }
    try {
      Thread.sleep(reply.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    exchange.sendResponseHeaders(
        reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(reply.body());
    } catch (IOException e) {
      // the client gave up (timeout tests)
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
