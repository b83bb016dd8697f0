package org.officebridge.standin.callback;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.jwt.Hs256Jwt;
import org.officebridge.standin.jwt.JwtSettings;

/**
 * Signs what the stand-in sends, as the DS's outbox does: body tokens whose claims are the body,
 * header tokens whose claims wrap it in {@code payload}, both with {@code iat}/{@code exp}; the
 * header copy drops {@code changesurl}/{@code history} when it would reach 7168 characters.
 */
public final class OutboxSigner {

  /** The DS trims the header token's copy at this size. */
  static final int HEADER_TOKEN_LIMIT = 7168;

  private final JwtSettings settings;
  private final Clock clock;
  private final Faults faults;

  /**
   * @param settings the JWT settings
   * @param clock the real clock (skew is added from the faults)
   * @param faults the fault switches (clock skew, wrong secret)
   */
  public OutboxSigner(JwtSettings settings, Clock clock, Faults faults) {
    this.settings = settings;
    this.clock = clock;
    this.faults = faults;
  }

  /**
   * @return the JWT settings
   */
  public JwtSettings settings() {
    return settings;
  }

  /**
   * @param body request parameters
   * @return the body token, when JWT is on and tokens go in the body
   */
  public Optional<String> bodyToken(Map<String, Object> body) {
    if (!settings.enabled() || !settings.outboxInBody()) {
      return Optional.empty();
    }
    return Optional.of(sign(body));
  }

  /**
   * @param body request parameters
   * @return the header token (without prefix), when JWT is on and tokens go in the header
   */
  public Optional<String> headerToken(Map<String, Object> body) {
    if (!settings.enabled() || !settings.outboxInHeader()) {
      return Optional.empty();
    }
    String token = sign(Map.of("payload", body));
    if (token.length() + settings.prefix().length() >= HEADER_TOKEN_LIMIT) {
      Map<String, Object> trimmed = new LinkedHashMap<>(body);
      trimmed.remove("changesurl");
      trimmed.remove("history");
      token = sign(Map.of("payload", trimmed));
    }
    return Optional.of(token);
  }

  /**
   * @param url a URL the stand-in downloads
   * @return the header value for the download ({@code prefix + jwt{"payload":{"url":url}}})
   */
  public Optional<String> downloadHeader(String url) {
    if (!settings.enabled()) {
      return Optional.empty();
    }
    return Optional.of(settings.prefix() + sign(Map.of("payload", Map.of("url", url))));
  }

  private String sign(Map<String, Object> claims) {
    Hs256Jwt codec =
        faults.jwtWithWrongSecret()
            ? new Hs256Jwt(settings.secret().orElseThrow() + "-wrong")
            : settings.codec();
    return codec.sign(
        Hs256Jwt.withTimes(claims, faults.signingClock(clock).instant(), settings.outboxTtl()));
  }

  /**
   * @param body parameters
   * @param token the body token, if any
   * @return the JSON to send: the parameters plus {@code token}
   */
  static String bodyJson(Map<String, Object> body, Optional<String> token) {
    Map<String, Object> out = new LinkedHashMap<>(body);
    token.ifPresent(t -> out.put("token", t));
    return Json.write(out);
  }
}
