package org.officebridge.documentserver;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.officebridge.platform.Jsonp;
import org.officebridge.security.JwtService;

/**
 * Sends a JSON-B request to the Document Server the way it wants it signed (protocol digest §5):
 * the body carries the request members plus {@code token}, whose claims are those members, and the
 * configured header carries a token whose {@code payload} claim is the same request. Reads the
 * answer back with JSON-B. Every failure becomes a {@link DocumentServerException}.
 */
final class SignedPost {

  private final DocumentServerHttp http;
  private final JwtService jwt;
  private final Jsonb jsonb;

  SignedPost(DocumentServerHttp http, JwtService jwt, Jsonb jsonb) {
    this.http = http;
    this.jwt = jwt;
    this.jsonb = jsonb;
  }

  <T> T send(URI url, Object request, Class<T> replyType, String what) {
    JsonObject members = parse(jsonb.toJson(request));
    Map<String, Object> claims = JsonClaims.toMap(members);
    String body =
        Jsonp.PROVIDER
            .createObjectBuilder(members)
            .add("token", jwt.sign(claims))
            .build()
            .toString();
    String header = jwt.headerValue(jwt.sign(Map.of("payload", claims)));
    HttpResponse<String> response;
    try {
      response = http.postJson(url, body, Map.of(jwt.headerName(), header));
    } catch (IOException e) {
      throw new DocumentServerException(what + " failed: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DocumentServerException(what + " was interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new DocumentServerException(what + " answered HTTP " + response.statusCode());
    }
    try {
      T reply = jsonb.fromJson(response.body(), replyType);
      if (reply == null) {
        throw new DocumentServerException(what + " answered an empty body");
      }
      return reply;
    } catch (JsonbException e) {
      throw new DocumentServerException(what + " answered something that is not its JSON", e);
    }
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (JsonException e) {
      throw new IllegalStateException("JSON-B wrote a request that is not a JSON object", e);
    }
  }
}
