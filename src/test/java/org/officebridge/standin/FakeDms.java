package org.officebridge.standin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.officebridge.formats.OfficeDocuments;

/**
 * A fake DMS for the tests: serves documents, records every request (headers included) and receives
 * callbacks, answering them from a script (default {@code {"error":0}}).
 */
final class FakeDms implements AutoCloseable {

  /** A request the fake received. */
  record Received(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** An answer to a callback. */
  record Answer(int status, String body) {}

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final List<Received> received = new ArrayList<>();
  private final Deque<Answer> scripted = new ConcurrentLinkedDeque<>();
  private volatile Function<Received, Answer> callbackAnswer =
      r -> new Answer(200, "{\"error\":0}");

  FakeDms() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Serves bytes at a path. */
  URI serve(String path, byte[] content) {
    files.put(path, content);
    return base().resolve(path);
  }

  /** Serves a generated document. */
  URI serveDocument(String path, String type, List<String> lines) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OfficeDocuments.write(type, lines, out);
    return serve(path, out.toByteArray());
  }

  URI callbackUrl(String name) {
    return base().resolve("/callback/" + name);
  }

  /** Queues answers for the next callbacks, in order. */
  void answerNextCallbacks(Answer... answers) {
    scripted.addAll(List.of(answers));
  }

  void answerCallbacks(Function<Received, Answer> answer) {
    this.callbackAnswer = answer;
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> requestsTo(String path) {
    return received().stream().filter(r -> r.uri().getPath().equals(path)).toList();
  }

  List<Received> callbacks() {
    return received().stream().filter(r -> r.uri().getPath().startsWith("/callback/")).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] body = ex.getRequestBody().readAllBytes();
      Received r =
          new Received(
              ex.getRequestMethod(),
              URI.create(base() + ex.getRequestURI().toString()),
              Map.copyOf(ex.getRequestHeaders()),
              body);
      synchronized (this) {
        received.add(r);
      }
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/callback/")) {
        Answer a = scripted.isEmpty() ? callbackAnswer.apply(r) : scripted.poll();
        send(ex, a.status(), a.body().getBytes(StandardCharsets.UTF_8), "application/json");
        return;
      }
      byte[] file = files.get(path);
      if (file == null) {
        send(ex, 404, new byte[0], "text/plain");
      } else {
        send(ex, 200, file, "application/octet-stream");
      }
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body, String type)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
