package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Document Server over HTTPS with a certificate of its own (self-signed, for 127.0.0.1): with
 * {@code ds.trust-store} naming a trust store that holds it, downloads and JSON calls get through;
 * without it, neither is sent past the handshake. Keys and stores are made by the JDK's keytool.
 */
class DocumentServerTlsTest {

  private static final char[] PASSWORD = "changeit-test".toCharArray();
  private static final byte[] BODY = "a document over TLS".getBytes(StandardCharsets.UTF_8);

  @TempDir static Path dir;
  private static HttpsServer server;
  private static Path trustStore;

  @BeforeAll
  static void start() throws Exception {
    Path keyStore = dir.resolve("server.p12");
    Path cert = dir.resolve("server.cer");
    trustStore = dir.resolve("trust.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "ds",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "san=ip:127.0.0.1",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        new String(PASSWORD));
    keytool(
        "-exportcert",
        "-alias",
        "ds",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        new String(PASSWORD),
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ds",
        "-file",
        cert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trustStore.toString(),
        "-storepass",
        new String(PASSWORD));

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      keys.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, PASSWORD);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext("/cache/doc", exchange -> Replies.send(exchange, 200, BODY, false));
    server.createContext(
        "/command",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          Replies.send(exchange, 200, "{\"error\":0}".getBytes(StandardCharsets.UTF_8), false);
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
    }
  }

  private static URI url(String path) {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private static Clients clients(Map<String, String> extra) throws Exception {
    Map<String, String> settings = new java.util.HashMap<>(extra);
    settings.put("officebridge.ds.allowed-addresses", "127.0.0.1/32");
    return new Clients(url("/"), settings, java.time.Clock.systemUTC());
  }

  @Test
  void withTheTrustStoreDownloadsAndCallsGetThrough() throws Exception {
    Clients clients =
        clients(
            Map.of(
                "officebridge.ds.trust-store",
                trustStore.toString(),
                "officebridge.ds.trust-store-password",
                new String(PASSWORD)));
    try (InputStream in = clients.http.openDownload(url("/cache/doc"), 1024)) {
      assertArrayEquals(BODY, in.readAllBytes());
    }
    assertEquals("{\"error\":0}", clients.http.postJson(url("/command"), "{}", Map.of()).body());
  }

  @Test
  void withoutItTheCertificateIsRefused() throws Exception {
    Clients clients = clients(Map.of());
    assertThrows(
        SSLHandshakeException.class, () -> clients.http.openDownload(url("/cache/doc"), 1024));
    assertThrows(IOException.class, () -> clients.http.postJson(url("/command"), "{}", Map.of()));
  }
}
