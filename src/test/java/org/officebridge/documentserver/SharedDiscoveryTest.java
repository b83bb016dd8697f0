package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.officebridge.cluster.SharedCache;
import org.officebridge.config.Settings;
import org.officebridge.config.SettingsLoader;
import org.officebridge.security.DocumentServerAddresses;

/**
 * Two nodes' discovery clients over one {@link SharedCache}: the Document Server is asked once for
 * both, and a rotation one node fetched after a failed proof reaches the other without a request.
 */
class SharedDiscoveryTest {

  /** A shared cache as the cluster provides it, in memory for the test. */
  private static final class MapCache implements SharedCache {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> get(String key, Instant now) {
      return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void put(String key, String text, Instant storedAt, Instant expiresAt) {
      entries.put(key, new Entry(text, storedAt));
    }
  }

  @Test
  void nodesShareOneFetchAndPickUpEachOthersRotation() throws Exception {
    AtomicInteger fetches = new AtomicInteger();
    String first = WopiDiscoveryParserTest.onlyOffice("");
    AtomicReference<String> served = new AtomicReference<>(first);
    HttpServer ds = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    ds.createContext(
        "/hosting/discovery",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    ds.start();
    try {
      Settings settings =
          SettingsLoader.load(
              Map.of(
                  "officebridge.ds.public-url",
                  "http://127.0.0.1:" + ds.getAddress().getPort(),
                  "officebridge.connector.url",
                  "http://127.0.0.1:8080/officebridge",
                  "officebridge.jwt.secret",
                  "0123456789abcdef0123456789abcdef"),
              Map.of());
      SharedCache shared = new MapCache();
      WopiDiscoveryClient nodeA = client(settings, shared);
      WopiDiscoveryClient nodeB = client(settings, shared);

      assertTrue(nodeA.current().action("doc", "convert").isPresent());
      assertTrue(nodeB.current().action("doc", "convert").isPresent());
      assertEquals(1, fetches.get(), "node B used node A's copy");

      Thread.sleep(5);
      served.set(first.replace("name=\"convert\"", "name=\"rotated\""));
      assertTrue(
          nodeA.refreshAfterFailedProof().orElseThrow().action("doc", "rotated").isPresent());
      assertEquals(2, fetches.get());
      assertTrue(
          nodeB.refreshAfterFailedProof().orElseThrow().action("doc", "rotated").isPresent());
      assertEquals(2, fetches.get(), "node B took the rotated copy without asking");
    } finally {
      ds.stop(0);
    }
  }

  private static WopiDiscoveryClient client(Settings settings, SharedCache shared) {
    return new WopiDiscoveryClient(
        new DocumentServerHttp(settings, new DocumentServerAddresses(settings)),
        settings,
        Clock.systemUTC(),
        shared);
  }
}
