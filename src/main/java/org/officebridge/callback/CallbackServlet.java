package org.officebridge.callback;

import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.officebridge.platform.Jsonp;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;
import org.officebridge.security.DocumentServerAddresses;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.JwtService;

/**
 * The Document Server's callbacks: {@code POST callback/<signed link>}. Refuses, without touching
 * the DMS, anything from outside the Document Server's addresses, with a link that is not the
 * connector's, or without a valid HS256 token of the Document Server (in the body, read first, or
 * in the configured header with the {@code payload} wrapper), or whose signed key is not the
 * link's. Hands the rest to the {@link CallbackHandler}. One log line per callback, never a token.
 */
@WebServlet("/callback/*")
public class CallbackServlet extends HttpServlet {

  /** Largest callback body read: a body token (at most 1 MiB) plus the same members unsigned. */
  static final int MAX_BODY = 3 * JwtService.MAX_TOKEN_LENGTH;

  private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

  @Inject CallbackUrls urls;
  @Inject CallbackHandler handler;
  @Inject JwtService jwt;
  @Inject DocumentServerAddresses addresses;
  @Inject Metrics metrics;

  /** A refused or malformed callback: answered without touching anything. */
  private static final class Refusal extends Exception {
    final int status;
    final String reason;

    Refusal(int status, String reason) {
      super(reason, null, false, false);
      this.status = status;
      this.reason = reason;
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long start = System.nanoTime();
    CallbackReference reference = null;
    CallbackPayload callback;
    try {
      if (!addresses.isAllowedPeer(request.getRemoteAddr())) {
        throw new Refusal(HttpServletResponse.SC_FORBIDDEN, "address");
      }
      reference = reference(request);
      callback = callback(request);
      if (!callback.key().equals(reference.key())) {
        throw new Refusal(HttpServletResponse.SC_FORBIDDEN, "key-mismatch");
      }
    } catch (Refusal r) {
      CallbackReference known = reference;
      LOG.warning(
          () ->
              LogLine.event("callback")
                  .with("doc", known == null ? null : known.documentId())
                  .with("outcome", "refused")
                  .with("reason", r.reason)
                  .with("http", r.status)
                  .toString());
      if (r.reason.startsWith("token-") || r.reason.startsWith("link-")) {
        metrics.tokenRejected("callback", r.reason);
      }
      metrics.callback("none", "refused", System.nanoTime() - start);
      answer(response, CallbackAnswer.fail(r.status, "refused"));
      return;
    }
    CallbackAnswer answer;
    try {
      answer = handler.handle(reference, callback);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          LogLine.event("callback")
              .with("doc", reference.documentId())
              .with("outcome", "internal-error")
              .toString(),
          e);
      answer = CallbackAnswer.fail(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "internal-error");
    }
    log(reference, callback, answer);
    metrics.callback(
        callback.status() == CallbackStatus.OTHER ? "other" : String.valueOf(callback.statusCode()),
        answer.outcome().split(" ", 2)[0],
        System.nanoTime() - start);
    answer(response, answer);
  }

  private CallbackReference reference(HttpServletRequest request) throws Refusal {
    String path = request.getPathInfo();
    try {
      return urls.verify(path == null || path.length() < 2 ? "" : path.substring(1));
    } catch (InvalidTokenException e) {
      throw new Refusal(HttpServletResponse.SC_FORBIDDEN, "link-" + reason(e));
    }
  }

  private CallbackPayload callback(HttpServletRequest request) throws Refusal {
    JsonObject body = body(request);
    Map<String, Object> claims;
    try {
      JsonValue token = body.get("token");
      if (token != null && token != JsonValue.NULL) {
        if (!(token instanceof JsonString text)) {
          throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        claims = jwt.verify(text.getString());
      } else {
        claims = jwt.verifyHeader(request.getHeader(jwt.headerName()));
      }
    } catch (InvalidTokenException e) {
      throw new Refusal(HttpServletResponse.SC_FORBIDDEN, "token-" + reason(e));
    }
    try {
      return CallbackPayload.read(Jsonp.PROVIDER.createObjectBuilder(claims).build());
    } catch (IllegalArgumentException | JsonException e) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "malformed-claims");
    }
  }

  private static JsonObject body(HttpServletRequest request) throws Refusal {
    if (request.getContentLengthLong() > MAX_BODY) {
      throw new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body-too-large");
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw new Refusal(HttpServletResponse.SC_BAD_REQUEST, "body-unreadable");
    }
    if (bytes.length > MAX_BODY) {
      throw new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "body-too-large");
    }
    return object(bytes)
        .orElseThrow(() -> new Refusal(HttpServletResponse.SC_BAD_REQUEST, "body-not-json"));
  }

  /**
   * @param bytes a callback body
   * @return the one JSON object it holds, or empty when it holds anything else: no value, another
   *     kind of value, more than one value, or JSON the parser refuses (nesting deeper than its
   *     limit included)
   */
  static Optional<JsonObject> object(byte[] bytes) {
    try (JsonParser parser = Jsonp.PROVIDER.createParser(new ByteArrayInputStream(bytes))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        return Optional.empty();
      }
      JsonObject object = parser.getObject();
      return parser.hasNext() ? Optional.empty() : Optional.of(object);
    } catch (RuntimeException e) {
      // JsonException, and whatever else a parser throws at hostile input (Parsson reports a
      // nesting beyond its limit as a plain RuntimeException)
      return Optional.empty();
    }
  }

  private static String reason(InvalidTokenException e) {
    return e.reason().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static void log(
      CallbackReference reference, CallbackPayload callback, CallbackAnswer answer) {
    Level level = answer.acknowledged() ? Level.INFO : Level.WARNING;
    LOG.log(
        level,
        () ->
            LogLine.event("callback")
                    .with("doc", reference.documentId())
                    .with("key", callback.key())
                    .with("status", callback.statusCode())
                    .with(
                        "users",
                        String.join(",", callback.users()).replaceAll("[^0-9A-Za-z@._,-]", "_"))
                    .with("outcome", answer.outcome().split(" ", 2)[0])
                    .with("http", answer.httpStatus())
                + details(answer.outcome()));
  }

  /** The key=value pairs an outcome carries after its token ({@code saved version=3}). */
  private static String details(String outcome) {
    int space = outcome.indexOf(' ');
    return space < 0 ? "" : outcome.substring(space);
  }

  private static void answer(HttpServletResponse response, CallbackAnswer answer)
      throws IOException {
    response.setStatus(answer.httpStatus());
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write("{\"error\":" + answer.error() + "}");
  }
}
