package org.officebridge.standin.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.officebridge.standin.json.Json;

/** One HTTP exchange as the stand-in's handlers see it: bounded body, simple answers. */
public final class Request {

  private final HttpExchange exchange;
  private final Matcher path;
  private final long maxBodyBytes;
  private boolean answered;

  Request(HttpExchange exchange, Matcher path, long maxBodyBytes) {
    this.exchange = exchange;
    this.path = path;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * @return the request method
   */
  public String method() {
    return exchange.getRequestMethod();
  }

  /**
   * @return the raw request path
   */
  public String path() {
    return exchange.getRequestURI().getRawPath();
  }

  /**
   * @param group a regex group number of the route's path pattern
   * @return that group, URL-decoded
   */
  public String pathGroup(int group) {
    return URLDecoder.decode(path.group(group), StandardCharsets.UTF_8);
  }

  /**
   * @return the raw query string, or ""
   */
  public String rawQuery() {
    String q = exchange.getRequestURI().getRawQuery();
    return q == null ? "" : q;
  }

  /**
   * @return the decoded query parameters (first value of each name wins)
   */
  public Map<String, String> query() {
    return FormEncoding.decode(rawQuery());
  }

  /**
   * @param name a header name
   * @return its first value
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  /**
   * @return a stream over the body that fails past the size limit; the exchange closes it
   */
  public InputStream bodyStream() {
    return new LimitedInputStream(exchange.getRequestBody(), maxBodyBytes);
  }

  /**
   * @return the whole (bounded) body as text
   * @throws IOException when reading fails or the body is too large
   */
  public String bodyText() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = bodyStream()) {
      in.transferTo(out);
    } catch (LimitedInputStream.LimitExceededException e) {
      throw new BodyTooLargeException();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * @return the body as a JSON object
   * @throws IOException when reading fails
   * @throws BadRequestException when the body is not a JSON object
   */
  public Map<String, Object> jsonBody() throws IOException {
    String text = bodyText();
    try {
      return Json.parseObject(text);
    } catch (Json.JsonException e) {
      throw new BadRequestException("body is not a JSON object");
    }
  }

  /**
   * @return the body as application/x-www-form-urlencoded fields
   * @throws IOException when reading fails
   */
  public Map<String, String> formBody() throws IOException {
    return new LinkedHashMap<>(FormEncoding.decode(bodyText()));
  }

  /**
   * @param name a response header
   * @param value its value
   * @return this request
   */
  public Request responseHeader(String name, String value) {
    exchange.getResponseHeaders().add(name, value);
    return this;
  }

  /**
   * @param status an HTTP status
   * @param contentType the content type
   * @param body the body
   * @throws IOException when writing fails
   */
  public void send(int status, String contentType, byte[] body) throws IOException {
    answered = true;
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * Sends a body of known length from a stream, optionally failing on purpose.
   *
   * @param status an HTTP status
   * @param contentType the content type
   * @param length the full length announced in Content-Length
   * @param in the content; closed here
   * @param shaping delays and cut-offs to apply while copying
   * @throws IOException when writing fails (or the cut-off is reached)
   */
  public void sendStream(
      int status, String contentType, long length, InputStream in, StreamShaping shaping)
      throws IOException {
    answered = true;
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
    try (in;
        OutputStream out = exchange.getResponseBody()) {
      shaping.copy(in, out);
    }
  }

  /**
   * @param status an HTTP status
   * @param value a JSON object or array
   * @throws IOException when writing fails
   */
  public void sendJson(int status, Object value) throws IOException {
    send(
        status,
        "application/json; charset=utf-8",
        Json.write(value).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param status an HTTP status
   * @param text plain text
   * @throws IOException when writing fails
   */
  public void sendText(int status, String text) throws IOException {
    send(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param status an HTTP status
   * @param html an HTML page
   * @throws IOException when writing fails
   */
  public void sendHtml(int status, String html) throws IOException {
    send(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param status an HTTP status without a body
   * @throws IOException when writing fails
   */
  public void sendEmpty(int status) throws IOException {
    answered = true;
    exchange.sendResponseHeaders(status, -1);
  }

  void sendTextIfOpen(int status, String text) throws IOException {
    if (!answered) {
      sendText(status, text);
    }
  }

  /** The request body is larger than allowed. */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body too large");
    }
  }

  /** The request is malformed; answered with 400. */
  public static final class BadRequestException extends RuntimeException {
    private final String reason;

    /**
     * @param reason a short, safe description
     */
    public BadRequestException(String reason) {
      super(reason);
      this.reason = reason;
    }

    String reason() {
      return reason;
    }
  }
}
