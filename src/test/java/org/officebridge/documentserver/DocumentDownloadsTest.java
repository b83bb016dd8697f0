package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link DocumentServerHttp#openDownload} makes of the Document Server's answers: a whole body
 * byte for byte, and a clear failure for a body cut short, one over the size limit (declared or
 * not), an answer that stalls past the read timeout, and a refusal.
 */
class DocumentDownloadsTest {

  private static final byte[] BODY = new byte[3 * 1024 * 1024 + 17];

  static {
    new Random(11).nextBytes(BODY);
  }

  private HttpServer server;
  private Clients clients;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/whole", exchange -> Replies.send(exchange, 200, BODY, false));
    server.createContext(
        "/cut",
        exchange -> {
          exchange.sendResponseHeaders(200, BODY.length);
          OutputStream out = exchange.getResponseBody();
          out.write(BODY, 0, BODY.length / 2);
          out.flush();
          exchange.close();
        });
    server.createContext("/chunked", exchange -> Replies.send(exchange, 200, BODY, true));
    server.createContext(
        "/stall",
        exchange -> {
          exchange.sendResponseHeaders(200, BODY.length);
          OutputStream out = exchange.getResponseBody();
          out.write(BODY, 0, 1024);
          out.flush();
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.createContext(
        "/gone",
        exchange ->
            Replies.send(exchange, 404, "no such file".getBytes(StandardCharsets.UTF_8), false));
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    clients =
        new Clients(
            base(),
            Map.of(
                "officebridge.ds.allowed-addresses", "127.0.0.1/32",
                "officebridge.http.read-timeout", "PT1S"),
            java.time.Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  @Test
  void aWholeBodyArrivesByteForByte() throws Exception {
    assertArrayEquals(BODY, readAll(clients.http.openDownload(base().resolve("/whole"), 1L << 30)));
    assertArrayEquals(
        BODY, readAll(clients.http.openDownload(base().resolve("/chunked"), 1L << 30)));
  }

  @Test
  void aBodyCutShortOfItsContentLengthFails() throws Exception {
    InputStream in = clients.http.openDownload(base().resolve("/cut"), 1L << 30);
    IOException e = assertThrows(IOException.class, () -> readAll(in));
    assertTrue(e.getMessage().contains("of " + BODY.length + " bytes"), e.getMessage());
  }

  @Test
  void aBodyOverTheLimitFailsDeclaredOrNot() throws Exception {
    assertThrows(
        SizeLimitExceededException.class,
        () -> clients.http.openDownload(base().resolve("/whole"), 1024));
    InputStream in = clients.http.openDownload(base().resolve("/chunked"), 1024);
    assertThrows(SizeLimitExceededException.class, () -> readAll(in));
  }

  @Test
  void aStalledBodyFailsAfterTheReadTimeout() throws Exception {
    InputStream in = clients.http.openDownload(base().resolve("/stall"), 1L << 30);
    assertThrows(SocketTimeoutException.class, () -> readAll(in));
  }

  @Test
  void aRefusalIsAnErrorNamingTheStatus() {
    IOException e =
        assertThrows(
            IOException.class, () -> clients.http.openDownload(base().resolve("/gone"), 1024));
    assertEquals("download answered HTTP 404", e.getMessage());
  }
}
