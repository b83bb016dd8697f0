package org.officebridge.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.officebridge.config.Settings;
import org.officebridge.platform.JsonText;

/**
 * HS256 tokens shared with the Document Server: signs the editor config, method arguments and
 * requests to the command and conversion services; checks the Document Server's callbacks and
 * downloads. The algorithm is pinned to HS256: {@code none}, RSA, ECDSA and other HMAC sizes are
 * refused before any signature work. Tokens must carry {@code exp} (the Document Server's always
 * do), so a captured token cannot be replayed forever. Secrets are compared in constant time by
 * nimbus.
 */
@ApplicationScoped
public class JwtService {

  /** Largest token accepted (callback body tokens carry the history, so they can be big). */
  public static final int MAX_TOKEN_LENGTH = 1 << 20;

  /**
   * Largest JOSE header accepted (a Document Server's is some 40 characters): the header is parsed
   * before the signature is checked, so its size bounds what an unsigned token can make us parse.
   */
  static final int MAX_HEADER_LENGTH = 1024;

  /**
   * Three segments of Base64url characters only: nimbus skips other characters when it decodes, so
   * a genuine signature with a junk character inserted would still verify (the fuzzer found it).
   */
  private static final Pattern COMPACT =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private Settings.Jwt jwt;
  private Clock clock;
  private MACSigner signer;
  private MACVerifier verifier;

  /** For CDI. */
  protected JwtService() {}

  /**
   * @param settings the connector's settings
   * @param clock the clock for {@code iat}, {@code exp} and {@code nbf}
   */
  @Inject
  public JwtService(Settings settings, Clock clock) {
    this.jwt = settings.jwt();
    this.clock = clock;
    try {
      this.signer = new MACSigner(jwt.secret().bytes());
      this.verifier = new MACVerifier(jwt.secret().bytes());
    } catch (JOSEException e) {
      throw new IllegalStateException("the JWT secret is unusable for HS256", e);
    }
  }

  /**
   * Signs claims with {@code iat} and an {@code exp} of the configured token lifetime.
   *
   * @param claims the claims (the request parameters, the config, ...); not changed
   * @return the compact JWS
   */
  public String sign(Map<String, ?> claims) {
    return sign(claims, jwt.ttl());
  }

  /**
   * Signs claims with {@code iat} and {@code exp = iat + ttl}.
   *
   * @param claims the claims; not changed
   * @param ttl how long the token is valid
   * @return the compact JWS
   */
  public String sign(Map<String, ?> claims, Duration ttl) {
    Map<String, Object> all = new LinkedHashMap<>(claims);
    long now = clock.instant().getEpochSecond();
    all.put("iat", now);
    all.put("exp", now + ttl.toSeconds());
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256)
                .type(com.nimbusds.jose.JOSEObjectType.JWT)
                .build(),
            // the payload's JSON written here: nimbus would write it through its own JSON library,
            // a second serialisation of the editor's config on every page
            new Payload(JsonText.write(all)));
    try {
      jws.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("HS256 signing failed", e);
    }
    return jws.serialize();
  }

  /**
   * Checks a token and returns its claims.
   *
   * @param token a compact JWS
   * @return the claims (JSON objects as maps, arrays as lists, numbers as {@link Number})
   * @throws InvalidTokenException when it is malformed (a JOSE header over 1 KiB included), not
   *     HS256, wrongly signed, without {@code exp}, expired or not yet valid
   */
  public Map<String, Object> verify(String token) {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
    }
    if (token.length() > MAX_TOKEN_LENGTH) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    String compact = token.trim();
    int firstDot = compact.indexOf('.');
    if (firstDot < 0 || firstDot > MAX_HEADER_LENGTH || !COMPACT.matcher(compact).matches()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(compact);
    } catch (ParseException | RuntimeException e) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())
        || jws.getHeader().getCriticalParams() != null) {
      throw new InvalidTokenException(InvalidTokenException.Reason.ALGORITHM);
    }
    try {
      if (!jws.verify(verifier)) {
        throw new InvalidTokenException(InvalidTokenException.Reason.SIGNATURE);
      }
    } catch (JOSEException | IllegalStateException e) {
      throw new InvalidTokenException(InvalidTokenException.Reason.SIGNATURE);
    }
    Map<String, Object> claims = jws.getPayload().toJSONObject();
    if (claims == null) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    checkTimes(claims);
    return claims;
  }

  private void checkTimes(Map<String, Object> claims) {
    Instant now = clock.instant();
    long skew = jwt.clockSkew().toSeconds();
    Optional<Long> exp = seconds(claims.get("exp"));
    if (exp.isEmpty()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.NO_EXPIRY);
    }
    if (now.getEpochSecond() - skew > exp.get()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.EXPIRED);
    }
    Optional<Long> nbf = seconds(claims.get("nbf"));
    if (nbf.isPresent() && now.getEpochSecond() + skew < nbf.get()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.NOT_YET_VALID);
    }
  }

  private static Optional<Long> seconds(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(n.longValue());
    }
    throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
  }

  /**
   * Checks the token of the configured header ({@code Authorization: Bearer <jwt>} by default) and
   * returns what it carries: the {@code payload} claim, as the Document Server wraps request
   * parameters in it.
   *
   * @param headerValue the header's value, possibly {@code null}
   * @return the {@code payload} claim
   * @throws InvalidTokenException when missing, without the prefix, invalid, or without payload
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> verifyHeader(String headerValue) {
    if (headerValue == null || headerValue.isBlank()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
    }
    String prefix = jwt.prefix();
    String value = headerValue.trim();
    if (!prefix.isBlank()) {
      if (!value.regionMatches(true, 0, prefix.trim(), 0, prefix.trim().length())) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
      }
      value = value.substring(prefix.trim().length()).trim();
    }
    Object payload = verify(value).get("payload");
    if (!(payload instanceof Map)) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    return (Map<String, Object>) payload;
  }

  /**
   * @return the header name carrying tokens
   */
  public String headerName() {
    return jwt.header();
  }

  /**
   * @param token a compact JWS
   * @return the header value carrying it ({@code Bearer <token>} by default)
   */
  public String headerValue(String token) {
    return jwt.prefix() + token;
  }
}
