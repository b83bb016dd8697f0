package org.officebridge.standin.jwt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.json.Json;

/**
 * Reads the parameters of a request to the command or conversion service as the DS does (7.1+): the
 * body token when there is one, else the header token's {@code payload}; with {@code
 * tokenRequiredParams} only the token's values count. With JWT off the plain body is used.
 */
public final class InboxTokens {

  private final JwtSettings settings;

  /**
   * @param settings the JWT settings
   */
  public InboxTokens(JwtSettings settings) {
    this.settings = settings;
  }

  /**
   * @param body the request body
   * @param headerValue the value of the configured JWT header, if any
   * @param now the current time
   * @return the request parameters to act on
   * @throws TokenException when JWT is on and no valid token was sent
   */
  public Map<String, Object> parameters(
      Map<String, Object> body, Optional<String> headerValue, Instant now) throws TokenException {
    if (!settings.enabled()) {
      Map<String, Object> plain = new LinkedHashMap<>(body);
      plain.remove("token");
      return plain;
    }
    Hs256Jwt codec = settings.codec();
    Optional<String> bodyToken = Json.string(body, "token").filter(t -> !t.isBlank());
    if (bodyToken.isPresent()) {
      return withoutTimes(codec.verify(bodyToken.get(), now));
    }
    String header = headerValue.orElse("").trim();
    if (header.isEmpty()) {
      throw new TokenException(TokenException.Reason.MISSING);
    }
    String token =
        header.startsWith(settings.prefix().trim())
            ? header.substring(settings.prefix().trim().length()).trim()
            : header;
    Map<String, Object> claims = codec.verify(token, now);
    return withoutTimes(
        Json.object(claims, "payload")
            .orElseThrow(() -> new TokenException(TokenException.Reason.MALFORMED)));
  }

  private static Map<String, Object> withoutTimes(Map<String, Object> claims) {
    Map<String, Object> out = new LinkedHashMap<>(claims);
    out.remove("iat");
    out.remove("exp");
    out.remove("nbf");
    return out;
  }
}
