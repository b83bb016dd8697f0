package org.officebridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 written byte by byte over a plain socket, for requests no well-behaved client sends:
 * headers with control characters, duplicated or oversize headers, raw paths with encoded slashes,
 * bodies that lie about their length; and from a chosen local address (127.0.0.2 for a client
 * outside the allow-list). One request per connection ({@code Connection: close}); the body is
 * written while the answer is read, so an early answer (413, 400) to a large body is still seen.
 */
public final class RawHttp {

  /** How long a request may take before it counts as unanswered. */
  private static final int TIMEOUT_MILLIS = 60_000;

  /**
   * An answer, or its absence.
   *
   * @param status the HTTP status, or 0 when the server closed the connection without answering
   * @param headers the answer's headers, in order
   * @param body the decoded body (chunked transfer undone)
   */
  public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /**
     * @return the body as UTF-8 text (malformed bytes replaced)
     */
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @param name a header name, any case
     * @return its first value
     */
    public Optional<String> header(String name) {
      return headers.stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst();
    }

    /**
     * @return every header as {@code name: value} lines, for messages and secret scans
     */
    public String headerText() {
      StringBuilder b = new StringBuilder();
      headers.forEach(h -> b.append(h.getKey()).append(": ").append(h.getValue()).append('\n'));
      return b.toString();
    }
  }

  /**
   * A request as bytes.
   *
   * @param method the method, sent as is
   * @param target the request target (path and query, sent byte for byte, no encoding)
   * @param headers headers in order, duplicates allowed; {@code Host} and {@code Connection} are
   *     added unless present, {@code Content-Length} unless present or chunked
   * @param body the body bytes (possibly empty)
   */
  public record Request(
      String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {}

  private RawHttp() {}

  /**
   * Sends a request.
   *
   * @param from the local address to connect from
   * @param server the server's base URL (scheme http, host and port used)
   * @param request the request
   * @return the answer
   * @throws IOException when the connection cannot be made
   */
  public static Response send(InetAddress from, URI server, Request request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 10_000);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      byte[] head = head(server, request);
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Void> writing =
          CompletableFuture.runAsync(
              () -> {
                try {
                  out.write(head);
                  out.write(request.body());
                  out.flush();
                } catch (IOException e) {
                  // the server answered early and closed: the answer is read below
                }
              });
      byte[] raw = readAll(socket.getInputStream());
      try {
        writing.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        // a writer still blocked on a closed connection: the socket's close ends it
      }
      return parse(raw);
    }
  }

  private static byte[] head(URI server, Request request) {
    StringBuilder b = new StringBuilder();
    b.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
    boolean host = false;
    boolean length = false;
    for (Map.Entry<String, String> h : request.headers()) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      host |= name.equals("host");
      length |= name.equals("content-length") || name.equals("transfer-encoding");
      b.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    if (!host) {
      b.append("Host: ").append(server.getRawAuthority()).append("\r\n");
    }
    if (!length && (request.body().length > 0 || !request.method().equals("GET"))) {
      b.append("Content-Length: ").append(request.body().length).append("\r\n");
    }
    b.append("Connection: close\r\n\r\n");
    return wireBytes(b.toString());
  }

  /**
   * The bytes of a request head: characters up to U+00FF are one byte each (so a case can send any
   * byte, control and invalid UTF-8 bytes included), later characters their UTF-8 bytes.
   *
   * @param text the text
   * @return its bytes on the wire
   */
  public static byte[] wireBytes(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (cp <= 0xff) {
        out.write(cp);
      } else {
        out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
      }
      i += Character.charCount(cp);
    }
    return out.toByteArray();
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      // reset after an answer: keep what arrived
    }
    return all.toByteArray();
  }

  private static Response parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0 || raw.length < 12) {
      return new Response(0, List.of(), raw);
    }
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] status = lines[0].split(" ", 3);
    if (status.length < 2 || !status[0].startsWith("HTTP/")) {
      return new Response(0, List.of(), raw);
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.add(
            Map.entry(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
      }
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    boolean chunked =
        headers.stream()
            .anyMatch(
                h ->
                    h.getKey().equalsIgnoreCase("Transfer-Encoding")
                        && h.getValue().toLowerCase(Locale.ROOT).contains("chunked"));
    return new Response(
        Integer.parseInt(status[1]), List.copyOf(headers), chunked ? dechunk(body) : body);
  }

  private static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < body.length) {
      int lineEnd = indexOf(body, i, "\r\n".getBytes(StandardCharsets.US_ASCII));
      if (lineEnd < 0) {
        break;
      }
      String size = new String(body, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0];
      int n;
      try {
        n = Integer.parseInt(size.trim(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (n == 0) {
        break;
      }
      int start = lineEnd + 2;
      out.write(body, start, Math.min(n, body.length - start));
      i = start + n + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, 0, pattern);
  }

  private static int indexOf(byte[] data, int from, byte[] pattern) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
