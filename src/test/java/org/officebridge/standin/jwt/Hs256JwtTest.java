package org.officebridge.standin.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Hs256JwtTest {

  private static final String SECRET = "a-secret-that-is-long-enough-for-nimbus-hs256";
  private static final Instant NOW = Instant.parse("2025-05-01T10:00:00Z");
  private final Hs256Jwt jwt = new Hs256Jwt(SECRET);

  private static String nimbus(JWSAlgorithm alg, Map<String, Object> claims, String secret)
      throws Exception {
    JWSObject o = new JWSObject(new JWSHeader(alg), new Payload(claims));
    o.sign(new MACSigner(secret));
    return o.serialize();
  }

  @Test
  void acceptsTokenSignedByAnotherLibrary() throws Exception {
    String token = nimbus(JWSAlgorithm.HS256, Map.of("c", "version"), SECRET);
    assertEquals("version", jwt.verify(token, NOW).get("c"));
  }

  @Test
  void signsTokensAnotherLibraryVerifies() throws Exception {
    JWSObject parsed = JWSObject.parse(jwt.sign(Map.of("key", "k1", "status", 2)));
    assertTrue(parsed.verify(new MACVerifier(SECRET)));
    assertEquals("k1", parsed.getPayload().toJSONObject().get("key"));
  }

  @Test
  void acceptsShortSecretsLikeTheDocumentServer() throws Exception {
    Hs256Jwt shortSecret = new Hs256Jwt("secret");
    assertEquals(1L, shortSecret.verify(shortSecret.sign(Map.of("a", 1)), NOW).get("a"));
  }

  @Test
  void rejectsTokenSignedWithNone() {
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"c\":\"version\"}".getBytes(StandardCharsets.UTF_8));
    TokenException e =
        assertThrows(TokenException.class, () -> jwt.verify(header + "." + payload + ".", NOW));
    assertEquals(TokenException.Reason.ALGORITHM, e.reason());
  }

  @Test
  void rejectsOtherHmacAlgorithms() throws Exception {
    String token =
        nimbus(JWSAlgorithm.HS512, Map.of("c", "version"), SECRET + SECRET.substring(0, 20));
    assertEquals(
        TokenException.Reason.ALGORITHM,
        assertThrows(TokenException.class, () -> jwt.verify(token, NOW)).reason());
  }

  @Test
  void rejectsWrongSecret() throws Exception {
    String token = nimbus(JWSAlgorithm.HS256, Map.of("c", "version"), SECRET + "-other");
    assertEquals(
        TokenException.Reason.SIGNATURE,
        assertThrows(TokenException.class, () -> jwt.verify(token, NOW)).reason());
  }

  @Test
  void rejectsTamperedPayload() {
    String token = jwt.sign(Map.of("c", "info"));
    String[] parts = token.split("\\.");
    String forged =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"c\":\"drop\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertEquals(
        TokenException.Reason.SIGNATURE,
        assertThrows(TokenException.class, () -> jwt.verify(forged, NOW)).reason());
  }

  @Test
  void rejectsExpiredTokenBeyondTheClockTolerance() {
    String token = jwt.sign(Map.of("exp", NOW.minusSeconds(61).getEpochSecond()));
    assertEquals(
        TokenException.Reason.EXPIRED,
        assertThrows(TokenException.class, () -> jwt.verify(token, NOW)).reason());
  }

  @Test
  void acceptsRecentlyExpiredTokenWithinTheClockTolerance() throws Exception {
    String token = jwt.sign(Map.of("exp", NOW.minusSeconds(30).getEpochSecond()));
    jwt.verify(token, NOW);
  }

  @Test
  void rejectsTokenNotYetValid() {
    String token = jwt.sign(Map.of("nbf", NOW.plusSeconds(120).getEpochSecond()));
    assertEquals(
        TokenException.Reason.NOT_YET_VALID,
        assertThrows(TokenException.class, () -> jwt.verify(token, NOW)).reason());
  }

  @Test
  void rejectsMalformedAndMissingTokens() {
    assertEquals(
        TokenException.Reason.MALFORMED,
        assertThrows(TokenException.class, () -> jwt.verify("a.b", NOW)).reason());
    assertEquals(
        TokenException.Reason.MISSING,
        assertThrows(TokenException.class, () -> jwt.verify(" ", NOW)).reason());
  }

  @Test
  void inboxPrefersTheBodyTokenOverTheHeader() throws Exception {
    JwtSettings settings =
        new JwtSettings(
            java.util.Optional.of(SECRET),
            "Authorization",
            "Bearer ",
            true,
            true,
            java.time.Duration.ofMinutes(5));
    InboxTokens inbox = new InboxTokens(settings);
    Map<String, Object> params =
        inbox.parameters(
            Map.of("token", jwt.sign(Map.of("c", "version"))),
            java.util.Optional.of("Bearer garbage"),
            NOW);
    assertEquals(Map.of("c", "version"), params);
  }

  @Test
  void inboxReadsTheHeaderTokensPayloadWhenTheBodyHasNone() throws Exception {
    JwtSettings settings =
        new JwtSettings(
            java.util.Optional.of(SECRET),
            "AuthorizationJwt",
            "Bearer ",
            true,
            true,
            java.time.Duration.ofMinutes(5));
    InboxTokens inbox = new InboxTokens(settings);
    String header = "Bearer " + jwt.sign(Map.of("payload", Map.of("c", "info", "key", "k")));
    assertEquals(
        Map.of("c", "info", "key", "k"),
        inbox.parameters(Map.of("c", "drop"), java.util.Optional.of(header), NOW));
  }

  @Test
  void inboxRefusesAHeaderTokenWithoutPayload() {
    JwtSettings settings =
        new JwtSettings(
            java.util.Optional.of(SECRET),
            "Authorization",
            "Bearer ",
            true,
            true,
            java.time.Duration.ofMinutes(5));
    String header = "Bearer " + jwt.sign(Map.of("c", "info"));
    assertThrows(
        TokenException.class,
        () -> new InboxTokens(settings).parameters(Map.of(), java.util.Optional.of(header), NOW));
  }
}
