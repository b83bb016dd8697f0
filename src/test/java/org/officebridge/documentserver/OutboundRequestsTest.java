package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound requests go only to the Document Server's allowed addresses: a URL elsewhere is refused
 * before anything is sent, and a redirect from an allowed address is never followed (it could point
 * anywhere). The allow-list here is 127.0.0.1; the listener outside it is on 127.0.0.2.
 */
class OutboundRequestsTest {

  private HttpServer allowed;
  private HttpServer elsewhere;
  private final AtomicInteger reachedElsewhere = new AtomicInteger();
  private Clients clients;

  @BeforeEach
  void start() throws Exception {
    elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
    elsewhere.createContext(
        "/",
        exchange -> {
          reachedElsewhere.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    elsewhere.start();
    allowed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    allowed.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Location", elsewhereUrl("/secret").toString());
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    allowed.start();
    URI ds = URI.create("http://127.0.0.1:" + allowed.getAddress().getPort());
    clients =
        new Clients(
            ds,
            Map.of("officebridge.ds.allowed-addresses", "127.0.0.1/32"),
            java.time.Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    allowed.stop(0);
    elsewhere.stop(0);
  }

  private URI elsewhereUrl(String path) {
    return URI.create("http://127.0.0.2:" + elsewhere.getAddress().getPort() + path);
  }

  @Test
  void aDownloadOutsideTheAllowListIsRefusedBeforeAnythingIsSent() {
    assertThrows(
        ForbiddenUrlException.class,
        () -> clients.http.openDownload(elsewhereUrl("/cache/x.docx"), 1024));
    assertThrows(
        ForbiddenUrlException.class,
        () -> clients.http.postJson(elsewhereUrl("/command"), "{}", Map.of()));
    assertThrows(
        ForbiddenUrlException.class,
        () ->
            clients.http.send(
                HttpRequest.newBuilder(elsewhereUrl("/x")).build(),
                HttpResponse.BodyHandlers.discarding()));
    assertEquals(0, reachedElsewhere.get());
  }

  @Test
  void aRedirectFromTheDocumentServerIsNeverFollowed() throws Exception {
    URI onAllowed = URI.create("http://127.0.0.1:" + allowed.getAddress().getPort() + "/cache/a");
    IOException e =
        assertThrows(IOException.class, () -> clients.http.openDownload(onAllowed, 1024));
    assertEquals("download answered HTTP 302", e.getMessage());
    assertEquals(302, clients.http.postJson(onAllowed, "{}", Map.of()).statusCode());
    assertEquals(0, reachedElsewhere.get(), "the redirect was followed");
  }
}
