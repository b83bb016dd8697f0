package org.officebridge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officebridge.config.SettingsLoader;

class JwtServiceTest {

  static final String SECRET = "0123456789abcdef0123456789abcdef-test";
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  static JwtService service(Instant now) throws Exception {
    var settings =
        SettingsLoader.load(
            Map.of(
                "officebridge.ds.public-url", "http://127.0.0.1:8090",
                "officebridge.connector.url", "http://127.0.0.1:8080",
                "officebridge.jwt.secret", SECRET),
            Map.of());
    return new JwtService(settings, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String signed(JWSAlgorithm alg, byte[] secret, Map<String, Object> claims)
      throws Exception {
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), new Payload(claims));
    jws.sign(new MACSigner(secret));
    return jws.serialize();
  }

  private static InvalidTokenException.Reason refusal(String token) throws Exception {
    JwtService jwt = service(NOW);
    return assertThrows(InvalidTokenException.class, () -> jwt.verify(token)).reason();
  }

  @Test
  void tokensItSignsVerifyAndCarryTheirClaims() throws Exception {
    JwtService jwt = service(NOW);
    String token = jwt.sign(Map.of("c", "version"));
    Map<String, Object> claims = jwt.verify(token);
    assertEquals("version", claims.get("c"));
    assertEquals(NOW.getEpochSecond() + 300, ((Number) claims.get("exp")).longValue());
  }

  @Test
  void rejectsTokenSignedWithNone() throws Exception {
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String body =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"c\":\"info\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal(header + "." + body + "."));
  }

  @Test
  void rejectsOtherHmacSizesEvenWithTheRightSecret() throws Exception {
    byte[] secret = (SECRET + SECRET).getBytes(StandardCharsets.UTF_8);
    assertEquals(
        InvalidTokenException.Reason.ALGORITHM,
        refusal(signed(JWSAlgorithm.HS512, secret, Map.of("a", 1))));
  }

  @Test
  void rejectsRsaSignedTokens() throws Exception {
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(Map.of("a", 1)));
    jws.sign(new RSASSASigner(keys.generateKeyPair().getPrivate()));
    assertEquals(InvalidTokenException.Reason.ALGORITHM, refusal(jws.serialize()));
  }

  @Test
  void rejectsAWrongSecret() throws Exception {
    byte[] other = "another-secret-another-secret-another".getBytes(StandardCharsets.UTF_8);
    assertEquals(
        InvalidTokenException.Reason.SIGNATURE,
        refusal(signed(JWSAlgorithm.HS256, other, Map.of("a", 1))));
  }

  @Test
  void rejectsExpiredTokensBeyondTheClockSkew() throws Exception {
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    long now = NOW.getEpochSecond();
    assertEquals(
        InvalidTokenException.Reason.EXPIRED,
        refusal(signed(JWSAlgorithm.HS256, secret, Map.of("exp", now - 61))));
    service(NOW).verify(signed(JWSAlgorithm.HS256, secret, Map.of("exp", now - 59)));
  }

  @Test
  void rejectsTokensNotYetValidBeyondTheClockSkew() throws Exception {
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        InvalidTokenException.Reason.NOT_YET_VALID,
        refusal(
            signed(
                JWSAlgorithm.HS256,
                secret,
                Map.of("nbf", NOW.getEpochSecond() + 120, "exp", NOW.getEpochSecond() + 300))));
  }

  @Test
  void rejectsGarbageMissingAndHugeTokens() throws Exception {
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal("not.a.jwt"));
    assertEquals(InvalidTokenException.Reason.MISSING, refusal(""));
    assertEquals(
        InvalidTokenException.Reason.MALFORMED,
        refusal("a".repeat(JwtService.MAX_TOKEN_LENGTH + 1)));
  }

  @Test
  void rejectsGenuineTokensWithoutExpiry() throws Exception {
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        InvalidTokenException.Reason.NO_EXPIRY,
        refusal(signed(JWSAlgorithm.HS256, secret, Map.of("key", "k", "status", 2))));
    assertEquals(
        InvalidTokenException.Reason.NO_EXPIRY,
        refusal(
            signed(
                JWSAlgorithm.HS256,
                secret,
                Map.of("payload", Map.of("url", "http://x/y", "exp", 9_999_999_999L)))));
  }

  @Test
  void refusesAGenuineTokenWithAJunkCharacterInItsSignature() throws Exception {
    JwtService jwt = service(NOW);
    String token = jwt.sign(Map.of("key", "k"));
    int at = token.lastIndexOf('.') + 5;
    String junk = token.substring(0, at) + "'" + token.substring(at);
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal(junk));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal(token + "="));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal(token.replace('.', ' ')));
    jwt.verify(token);
  }

  @Test
  void refusesAnOversizeHeaderBeforeParsingIt() throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String deep = "[".repeat(200_000);
    String token =
        b64.encodeToString(deep.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8))
            + ".AAAA";
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal(token));
  }

  @Test
  void rejectsTimeClaimsOfTheWrongType() throws Exception {
    byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
    assertEquals(
        InvalidTokenException.Reason.MALFORMED,
        refusal(signed(JWSAlgorithm.HS256, secret, Map.of("exp", "tomorrow"))));
  }

  @Test
  void headerTokensNeedThePrefixAndUnwrapThePayload() throws Exception {
    JwtService jwt = service(NOW);
    String token = jwt.sign(Map.of("payload", Map.of("url", "http://x/y")));
    assertEquals("http://x/y", jwt.verifyHeader("Bearer " + token).get("url"));
    assertThrows(InvalidTokenException.class, () -> jwt.verifyHeader(token));
    assertThrows(InvalidTokenException.class, () -> jwt.verifyHeader(null));
    String flat = jwt.sign(Map.of("url", "http://x/y"));
    assertThrows(InvalidTokenException.class, () -> jwt.verifyHeader("Bearer " + flat));
  }

  @Test
  void expiryFollowsTheGivenLifetime() throws Exception {
    JwtService jwt = service(NOW);
    String token = jwt.sign(Map.of(), Duration.ofHours(2));
    assertThrows(
        InvalidTokenException.class, () -> service(NOW.plus(Duration.ofHours(3))).verify(token));
    service(NOW.plus(Duration.ofHours(1))).verify(token);
  }
}
