package org.officebridge.standin.jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.officebridge.standin.json.Json;

/**
 * HS256 JSON Web Tokens as ONLYOFFICE Docs makes and checks them: HMAC-SHA256 with a shared secret
 * of any length (the real server accepts short secrets, which nimbus' MAC classes refuse), the
 * algorithm pinned to HS256, {@code exp}/{@code nbf} checked with a clock tolerance.
 */
public final class Hs256Jwt {

  /** The DS tolerates this much clock skew on tokens it receives. */
  public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(60);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

  private final byte[] secret;

  /**
   * @param secret the shared secret (UTF-8)
   */
  public Hs256Jwt(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("empty JWT secret");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param claims the claims
   * @return the compact token
   */
  public String sign(Map<String, Object> claims) {
    String signingInput =
        B64.encodeToString(HEADER.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + B64.encodeToString(mac(signingInput));
  }

  /**
   * @param token a compact token
   * @param now the current time
   * @return its claims, when the token is well formed, HS256, correctly signed and not expired
   * @throws TokenException naming why it was refused
   */
  public Map<String, Object> verify(String token, Instant now) throws TokenException {
    if (token == null || token.isBlank()) {
      throw new TokenException(TokenException.Reason.MISSING);
    }
    String[] parts = token.trim().split("\\.", -1);
    if (parts.length != 3) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
    Map<String, Object> header = decodePart(parts[0]);
    if (!"HS256".equals(header.get("alg"))) {
      throw new TokenException(TokenException.Reason.ALGORITHM);
    }
    byte[] signature;
    try {
      signature = B64D.decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new TokenException(TokenException.Reason.MALFORMED);
    }
    if (!MessageDigest.isEqual(signature, mac(parts[0] + "." + parts[1]))) {
      throw new TokenException(TokenException.Reason.SIGNATURE);
    }
    Map<String, Object> claims = decodePart(parts[1]);
    checkTimes(claims, now);
    return claims;
  }

  /**
   * @param claims request parameters
   * @param now the issue time
   * @param ttl the lifetime
   * @return a copy with {@code iat} and {@code exp} (epoch seconds) added
   */
  public static Map<String, Object> withTimes(
      Map<String, Object> claims, Instant now, Duration ttl) {
    Map<String, Object> out = new LinkedHashMap<>(claims);
    out.put("iat", now.getEpochSecond());
    out.put("exp", now.plus(ttl).getEpochSecond());
    return out;
  }

  private static void checkTimes(Map<String, Object> claims, Instant now) throws TokenException {
    long nowSeconds = now.getEpochSecond();
    long tolerance = CLOCK_TOLERANCE.getSeconds();
    if (claims.containsKey("exp")) {
      long exp = Json.number(claims, "exp").orElseThrow(() -> malformed());
      if (nowSeconds > exp + tolerance) {
        throw new TokenException(TokenException.Reason.EXPIRED);
      }
    }
    if (claims.containsKey("nbf")) {
      long nbf = Json.number(claims, "nbf").orElseThrow(() -> malformed());
      if (nowSeconds + tolerance < nbf) {
        throw new TokenException(TokenException.Reason.NOT_YET_VALID);
      }
    }
  }

  private static TokenException malformed() {
    return new TokenException(TokenException.Reason.MALFORMED);
  }

  private static Map<String, Object> decodePart(String part) throws TokenException {
    try {
      return Json.parseObject(new String(B64D.decode(part), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw malformed();
    }
  }

  private byte[] mac(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
