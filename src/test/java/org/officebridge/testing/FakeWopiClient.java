package org.officebridge.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal WOPI client for the tests until the Document Server stand-in's WOPI client is merged:
 * it serves a discovery document (ONLYOFFICE's shape, with current and old proof keys that can be
 * rotated) on 127.0.0.1, and signs the requests the tests send to the host as ONLYOFFICE does.
 */
public final class FakeWopiClient implements AutoCloseable {

  private static final long EPOCH_TICKS = 621_355_968_000_000_000L;
  private static final String PLACEHOLDERS =
      "&lt;rs=DC_LLCC&amp;&gt;&lt;dchat=DISABLE_CHAT&amp;&gt;&lt;embed=EMBEDDED&amp;&gt;"
          + "&lt;hid=HOST_SESSION_ID&amp;&gt;&lt;sc=SESSION_CONTEXT&amp;&gt;"
          + "&lt;thm=THEME_ID&amp;&gt;&lt;ui=UI_LLCC&amp;&gt;&lt;wopisrc=WOPI_SOURCE&amp;&gt;&amp;";

  private final HttpServer server;
  private final URI baseUrl;
  private final KeyPairGenerator generator;
  private final AtomicInteger discoveryFetches = new AtomicInteger();
  private final KeyPair stranger;
  private volatile KeyPair current;
  private volatile KeyPair old;
  private volatile boolean publishProofKeys = true;

  private FakeWopiClient(int port) throws IOException, GeneralSecurityException {
    generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    current = generator.generateKeyPair();
    old = generator.generateKeyPair();
    stranger = generator.generateKeyPair();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    baseUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    server.createContext(
        "/hosting/discovery",
        exchange -> {
          discoveryFetches.incrementAndGet();
          byte[] xml = discovery().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
          exchange.sendResponseHeaders(200, xml.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(xml);
          }
        });
    server.createContext(
        "/hosting/wopi/",
        exchange -> {
          byte[] page =
              "<!DOCTYPE html><title>fake editor</title><p id=\"fake-editor\">editor</p>"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
  }

  /**
   * @param port the port, 0 for a free one
   * @return a running fake client
   * @throws Exception when it cannot start
   */
  public static FakeWopiClient start(int port) throws Exception {
    return new FakeWopiClient(port);
  }

  /**
   * @return its base URL, {@code http://127.0.0.1:<port>}
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * @return how often discovery was fetched
   */
  public int discoveryFetches() {
    return discoveryFetches.get();
  }

  /** Rotates the proof keys as a WOPI client does: the current key becomes the old one. */
  public void rotateKeys() {
    old = current;
    current = generator.generateKeyPair();
  }

  /**
   * @param on whether discovery publishes the proof-key element
   */
  public void publishProofKeys(boolean on) {
    publishProofKeys = on;
  }

  /**
   * @return a key pair the host does not know (made at start, so tests need not wait for it)
   */
  public KeyPair strangerKey() {
    return stranger;
  }

  /**
   * @return the current key pair
   */
  public KeyPair currentKey() {
    return current;
  }

  /**
   * @return the old key pair
   */
  public KeyPair oldKey() {
    return old;
  }

  /**
   * Proof headers as ONLYOFFICE sends them: the proof with the current key, the old proof with the
   * old key, now.
   *
   * @param url the full URL, with {@code access_token} in its query string
   * @return the headers
   */
  public Map<String, String> proofHeaders(String url) {
    return proofHeaders(url, Instant.now(), current, old);
  }

  /**
   * @param url the full URL, with {@code access_token} in its query string
   * @param at the timestamp
   * @param proofKey the key for {@code X-WOPI-Proof}
   * @param proofOldKey the key for {@code X-WOPI-ProofOld}
   * @return the headers
   */
  public static Map<String, String> proofHeaders(
      String url, Instant at, KeyPair proofKey, KeyPair proofOldKey) {
    long ticks = at.toEpochMilli() * 10_000 + EPOCH_TICKS;
    String token = accessToken(url);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-WOPI-TimeStamp", Long.toString(ticks));
    h.put("X-WOPI-Proof", sign(proofKey.getPrivate(), token, url, ticks));
    h.put("X-WOPI-ProofOld", sign(proofOldKey.getPrivate(), token, url, ticks));
    return h;
  }

  /**
   * Sends a signed WOPI request.
   *
   * @param http the test client
   * @param method GET or POST
   * @param url the full URL with the access token
   * @param headers the WOPI headers (X-WOPI-Override, X-WOPI-Lock, ...)
   * @param body the body, or null
   * @return the answer
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> send(
      Http http, String method, String url, Map<String, String> headers, byte[] body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    proofHeaders(url).forEach(b::header);
    headers.forEach(b::header);
    if (method.equals("GET")) {
      b.GET();
    } else {
      b.POST(
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return http.send(b);
  }

  static String accessToken(String url) {
    String query = URI.create(url).getRawQuery();
    for (String pair : query.split("&")) {
      if (pair.startsWith("access_token=")) {
        return URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8);
      }
    }
    throw new IllegalArgumentException("no access_token in the URL");
  }

  private static String sign(PrivateKey key, String token, String url, long ticks) {
    byte[] t = token.getBytes(StandardCharsets.UTF_8);
    byte[] u = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    java.nio.ByteBuffer data = java.nio.ByteBuffer.allocate(4 + t.length + 4 + u.length + 4 + 8);
    data.putInt(t.length).put(t).putInt(u.length).put(u).putInt(8).putLong(ticks);
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(data.array());
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String discovery() {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
    x.append("<wopi-discovery><net-zone name=\"external-http\">");
    app(x, "Word", "word", new String[] {"docx", "odt", "txt"}, new String[] {"doc", "rtf"});
    app(x, "Excel", "cell", new String[] {"xlsx", "csv"}, new String[] {"xls"});
    app(x, "PowerPoint", "slide", new String[] {"pptx"}, new String[] {"ppt"});
    app(x, "Pdf", "pdf", new String[] {"pdf"}, new String[] {});
    x.append("</net-zone>");
    if (publishProofKeys) {
      x.append("<proof-key modulus=\"")
          .append(b64(((RSAPublicKey) current.getPublic()).getModulus()))
          .append("\" exponent=\"AQAB\" oldmodulus=\"")
          .append(b64(((RSAPublicKey) old.getPublic()).getModulus()))
          .append("\" oldexponent=\"AQAB\"/>");
    }
    return x.append("</wopi-discovery>").toString();
  }

  private void app(StringBuilder x, String name, String code, String[] edit, String[] view) {
    String base = baseUrl + "/hosting/wopi/" + code + "/";
    x.append("<app name=\"").append(name).append("\" favIconUrl=\"").append(baseUrl);
    x.append("/favicon-").append(code).append(".ico\">");
    for (String ext : edit) {
      action(x, "view", ext, base + "view?&amp;", "");
      action(x, "embedview", ext, base + "view?embed=1&amp;", "");
      action(x, "mobileView", ext, base + "view?mobile=1&amp;", "");
      action(x, "edit", ext, base + "edit?&amp;", " default=\"true\" requires=\"locks,update\"");
      action(x, "mobileEdit", ext, base + "edit?mobile=1&amp;", " requires=\"locks,update\"");
      action(x, "editnew", ext, base + "edit?new=1&amp;", " requires=\"locks,update\"");
    }
    String target = edit[0];
    for (String ext : view) {
      action(x, "view", ext, base + "view?&amp;", " default=\"true\"");
      action(
          x,
          "convert",
          ext,
          baseUrl + "/hosting/wopi/convert-and-edit/" + ext + "/" + target + "?&amp;",
          " targetext=\"" + target + "\" requires=\"update\"");
    }
    x.append("</app>");
  }

  private static void action(StringBuilder x, String name, String ext, String url, String extra) {
    x.append("<action name=\"")
        .append(name)
        .append("\" ext=\"")
        .append(ext)
        .append('"')
        .append(extra)
        .append(" urlsrc=\"")
        .append(url)
        .append(PLACEHOLDERS)
        .append("\"/>");
  }

  private static String b64(BigInteger n) {
    byte[] bytes = n.toByteArray();
    if (bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
