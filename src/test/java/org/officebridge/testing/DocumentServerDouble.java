package org.officebridge.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the Document Server does around a callback, for black-box tests without the stand-in: it
 * serves the assembled files ({@code url}, {@code changesurl}) from a loopback address, with faults
 * on request (cut off, slow), and POSTs signed callbacks the way the Document Server does (token in
 * the body, in the header with the {@code payload} wrapper, or both).
 */
public final class DocumentServerDouble implements AutoCloseable {

  /** Where the callback's token goes. */
  public enum Placement {
    /** Only in the body ({@code {"token":...}} plus the members). */
    BODY,
    /** Only in the configured header, claims wrapped in {@code payload}. */
    HEADER,
    /** Both, as the Document Server sends them by default. */
    BOTH,
    /** Unsigned. */
    NONE
  }

  /** A served file: how long it says it is, and what it sends on its n-th download. */
  public interface FileSource {
    /**
     * @return the Content-Length announced
     */
    long length();

    /**
     * @param out where to write
     * @param download 1 for the first download of this file, 2 for the second, ...
     * @throws IOException to break the connection
     */
    void write(OutputStream out, int download) throws IOException;
  }

  /** A request the double received. */
  public record Received(String path, Map<String, List<String>> headers) {}

  private final ServerSocket listener;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, FileSource> files = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> downloads = new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final byte[] secret;
  private final String header;
  private final String prefix;

  private DocumentServerDouble(String address, String jwtSecret, String header, String prefix)
      throws IOException {
    this.secret = jwtSecret.getBytes(StandardCharsets.UTF_8);
    this.header = header;
    this.prefix = prefix;
    listener = new ServerSocket(0, 50, InetAddress.getByName(address));
    executor.execute(this::accept);
  }

  /**
   * @param address the loopback address to serve files from
   * @param jwtSecret the secret shared with the connector
   * @return a running double with the default header ({@code Authorization: Bearer})
   * @throws IOException when it cannot listen
   */
  public static DocumentServerDouble start(String address, String jwtSecret) throws IOException {
    return new DocumentServerDouble(address, jwtSecret, "Authorization", "Bearer ");
  }

  /**
   * @return its base URL
   */
  public URI baseUrl() {
    return URI.create(
        "http://" + listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort());
  }

  /**
   * @param name a file name (becomes the path {@code /cache/<name>})
   * @param source what it serves
   * @return its URL
   */
  public String serve(String name, FileSource source) {
    files.put("/cache/" + name, source);
    return baseUrl() + "/cache/" + name;
  }

  /**
   * @return every request received so far
   */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * @param name a served file
   * @return how many times it was requested
   */
  public int downloads(String name) {
    AtomicInteger n = downloads.get("/cache/" + name);
    return n == null ? 0 : n.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket socket = listener.accept();
        executor.execute(() -> answer(socket));
      } catch (IOException e) {
        return;
      }
    }
  }

  /** One request per connection (Connection: close), so a cut-off file really breaks it. */
  private void answer(Socket socket) {
    try (socket;
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream())) {
      String requestLine = line(in);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).trim(), List.of(h.substring(colon + 1).trim()));
        }
      }
      String[] parts = requestLine.split(" ");
      String path = parts.length > 1 ? URI.create(parts[1]).getPath() : "";
      received.add(new Received(path, Map.copyOf(headers)));
      FileSource source = files.get(path);
      if (source == null || !parts[0].equals("GET")) {
        out.write(
            "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        return;
      }
      int download = downloads.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                  + source.length()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      source.write(out, download);
      out.flush();
    } catch (IOException e) {
      // a cut-off file, or the connector gave up: the connection closes short of its length
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  /**
   * @param bytes the content
   * @return a file serving it
   */
  public static FileSource bytes(byte[] bytes) {
    return new FileSource() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public void write(OutputStream out, int download) throws IOException {
        out.write(bytes);
      }
    };
  }

  /**
   * @param bytes the content
   * @param cutAfter bytes sent before the connection breaks
   * @param cutDownloads how many downloads (the first ones) break
   * @return a file whose first downloads break off half way
   */
  public static FileSource cutOff(byte[] bytes, int cutAfter, int cutDownloads) {
    return new FileSource() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public void write(OutputStream out, int download) throws IOException {
        if (download > cutDownloads) {
          out.write(bytes);
          return;
        }
        out.write(bytes, 0, cutAfter);
        out.flush();
        throw new IOException("cut off on purpose");
      }
    };
  }

  /**
   * @param size how many bytes
   * @return a file of {@code size} generated bytes (a repeating pattern), never held in memory
   */
  public static FileSource generated(long size) {
    return new FileSource() {
      @Override
      public long length() {
        return size;
      }

      @Override
      public void write(OutputStream out, int download) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = (byte) (i * 31 + 7);
        }
        for (long left = size; left > 0; ) {
          int n = (int) Math.min(chunk.length, left);
          out.write(chunk, 0, n);
          left -= n;
        }
      }
    };
  }

  /**
   * @param bytes the content
   * @param pause a pause before sending it
   * @return a file that takes its time
   */
  public static FileSource slow(byte[] bytes, Duration pause) {
    return new FileSource() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public void write(OutputStream out, int download) throws IOException {
        try {
          Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        out.write(bytes);
      }
    };
  }

  /**
   * POSTs a callback signed as the Document Server signs it.
   *
   * @param callbackUrl where
   * @param claims the callback's members
   * @param placement where the token goes
   * @return the connector's answer
   * @throws IOException on a transport failure
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> callback(
      String callbackUrl, Map<String, Object> claims, Placement placement)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>(claims);
    if (placement == Placement.BODY || placement == Placement.BOTH) {
      body.put("token", sign(claims, secret, Duration.ofMinutes(5)));
    }
    String headerToken =
        placement == Placement.HEADER || placement == Placement.BOTH
            ? sign(Map.of("payload", claims), secret, Duration.ofMinutes(5))
            : null;
    return post(callbackUrl, toJson(body), headerToken);
  }

  /**
   * POSTs a body as given, with an optional header token.
   *
   * @param callbackUrl where
   * @param json the body
   * @param headerToken the token for the configured header, or {@code null}
   * @return the connector's answer
   * @throws IOException on a transport failure
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> post(String callbackUrl, String json, String headerToken)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(callbackUrl))
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (headerToken != null) {
      request.header(header, prefix + headerToken);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * @param claims the claims
   * @param key the HMAC key
   * @param ttl the lifetime (negative for an expired token)
   * @return an HS256 JWS with {@code iat} and {@code exp}
   */
  public static String sign(Map<String, Object> claims, byte[] key, Duration ttl) {
    Map<String, Object> all = new LinkedHashMap<>(claims);
    long now = Instant.now().getEpochSecond();
    all.put("iat", now);
    all.put("exp", now + ttl.toSeconds());
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
            new Payload(all));
    try {
      jws.sign(new MACSigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }

  /**
   * @param claims the claims
   * @return an unsigned token with {@code alg: none}
   */
  public static String unsigned(Map<String, Object> claims) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(new Payload(claims).toString().getBytes(StandardCharsets.UTF_8))
        + ".";
  }

  /**
   * @param members a JSON object's members (maps, lists, strings, numbers, booleans)
   * @return its JSON text
   */
  public static String toJson(Map<String, Object> members) {
    return new Payload(members).toString();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    executor.shutdownNow();
  }
}
