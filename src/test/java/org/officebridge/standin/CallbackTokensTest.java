package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.json.Json;

/** What the stand-in signs verifies with the shared secret, independently of its own code. */
class CallbackTokensTest {

  private static Map<String, Object> claims(String token, String secret) throws Exception {
    JWSObject jws = JWSObject.parse(token);
    assertEquals("HS256", jws.getHeader().getAlgorithm().getName());
    assertTrue(jws.verify(new MACVerifier(secret)), "signature");
    return new LinkedHashMap<>(jws.getPayload().toJSONObject());
  }

  private static Map<String, Object> withoutTimes(Map<String, Object> claims) {
    Map<String, Object> c = new LinkedHashMap<>(claims);
    assertTrue(c.containsKey("iat") && c.containsKey("exp"), "iat and exp present");
    c.remove("iat");
    c.remove("exp");
    return c;
  }

  private static List<FakeDms.Received> runSession(RunningStandIn ds, FakeDms dms, String key)
      throws Exception {
    URI url = dms.serveDocument("/files/" + key + ".docx", "docx", List.of("T"));
    ds.openEditor(
        TestConfigs.signed(
            TestConfigs.config(key, url, "docx", dms.callbackUrl("u1"), "u1", "U"),
            TestConfigs.SECRET));
    ds.edit(key, "u1");
    ds.leave(key, "u1");
    ds.callbacks().await(r -> r.key().equals(key) && r.status() == 2, Duration.ofSeconds(10));
    return dms.callbacks();
  }

  @Test
  void bodyAndHeaderTokensVerifyAndTheirClaimsEqualTheBody() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds =
            StandIn.builder()
                .jwtSecret(TestConfigs.SECRET)
                .callbackDelay(Duration.ofMillis(50))
                .start()) {
      List<FakeDms.Received> callbacks = runSession(ds, dms, "tok-1");
      assertEquals(2, callbacks.size());
      for (FakeDms.Received r : callbacks) {
        Map<String, Object> body = new LinkedHashMap<>(Json.parseObject(r.text()));
        String bodyToken = (String) body.remove("token");
        assertEquals(body, withoutTimes(claims(bodyToken, TestConfigs.SECRET)));

        String header = r.header("Authorization");
        assertTrue(header.startsWith("Bearer "));
        Map<String, Object> headerClaims = claims(header.substring(7), TestConfigs.SECRET);
        assertEquals(body, withoutTimes(headerClaims).get("payload"));
        long iat = ((Number) headerClaims.get("iat")).longValue();
        long exp = ((Number) headerClaims.get("exp")).longValue();
        assertEquals(300, exp - iat);
        assertTrue(Math.abs(Instant.now().getEpochSecond() - iat) < 30);
      }
    }
  }

  @Test
  void customHeaderAndPrefixAreUsedAndBodyTokenCanBeOff() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds =
            StandIn.builder()
                .jwtSecret(TestConfigs.SECRET)
                .jwtHeader("AuthorizationJwt")
                .jwtPrefix("")
                .tokenInBody(false)
                .callbackDelay(Duration.ofMillis(50))
                .start()) {
      List<FakeDms.Received> callbacks = runSession(ds, dms, "tok-2");
      FakeDms.Received first = callbacks.get(0);
      assertNull(first.header("Authorization"));
      assertFalse(Json.parseObject(first.text()).containsKey("token"));
      Map<String, Object> claims = claims(first.header("AuthorizationJwt"), TestConfigs.SECRET);
      assertEquals(Json.parseObject(first.text()), withoutTimes(claims).get("payload"));
      FakeDms.Received download = dms.requestsTo("/files/tok-2.docx").get(0);
      assertNull(download.header("Authorization"));
      assertTrue(download.header("AuthorizationJwt").startsWith("ey"));
    }
  }

  @Test
  void headerTokenCanBeOffWhileTheBodyTokenStays() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds =
            StandIn.builder()
                .jwtSecret(TestConfigs.SECRET)
                .tokenInHeader(false)
                .callbackDelay(Duration.ofMillis(50))
                .start()) {
      FakeDms.Received first = runSession(ds, dms, "tok-3").get(0);
      assertNull(first.header("Authorization"));
      claims((String) Json.parseObject(first.text()).get("token"), TestConfigs.SECRET);
    }
  }

  @Test
  void withJwtOffNothingIsSigned() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds = StandIn.builder().callbackDelay(Duration.ofMillis(50)).start()) {
      URI url = dms.serveDocument("/files/plain.docx", "docx", List.of("T"));
      ds.openEditor(TestConfigs.config("plain", url, "docx", dms.callbackUrl("u1"), "u1", "U"));
      ds.leave("plain", "u1");
      ds.callbacks().await(r -> r.status() == 4, Duration.ofSeconds(10)).orElseThrow();
      FakeDms.Received cb = dms.callbacks().get(0);
      assertNull(cb.header("Authorization"));
      assertFalse(Json.parseObject(cb.text()).containsKey("token"));
      assertNull(dms.requestsTo("/files/plain.docx").get(0).header("Authorization"));
    }
  }

  @Test
  void wrongSecretFaultMakesTokensFailVerification() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds =
            StandIn.builder()
                .jwtSecret(TestConfigs.SECRET)
                .callbackDelay(Duration.ofMillis(50))
                .start()) {
      URI url = dms.serveDocument("/files/w.docx", "docx", List.of("T"));
      ds.openEditor(
          TestConfigs.signed(
              TestConfigs.config("w", url, "docx", dms.callbackUrl("u1"), "u1", "U"),
              TestConfigs.SECRET));
      ds.callbacks().await(r -> r.status() == 1, Duration.ofSeconds(10)).orElseThrow();
      ds.faults().jwtWithWrongSecret(true);
      ds.leave("w", "u1");
      ds.callbacks().await(r -> r.status() == 4, Duration.ofSeconds(10)).orElseThrow();
      FakeDms.Received closed = dms.callbacks().get(1);
      JWSObject jws = JWSObject.parse((String) Json.parseObject(closed.text()).get("token"));
      assertFalse(jws.verify(new MACVerifier(TestConfigs.SECRET)));
    }
  }

  @Test
  void clockSkewFaultShiftsIssuedAt() throws Exception {
    try (FakeDms dms = new FakeDms();
        RunningStandIn ds =
            StandIn.builder()
                .jwtSecret(TestConfigs.SECRET)
                .callbackDelay(Duration.ofMillis(50))
                .start()) {
      ds.faults().clockSkew(Duration.ofHours(-2));
      FakeDms.Received first = runSession(ds, dms, "skew").get(0);
      Map<String, Object> c =
          claims((String) Json.parseObject(first.text()).get("token"), TestConfigs.SECRET);
      long iat = ((Number) c.get("iat")).longValue();
      assertTrue(Instant.now().getEpochSecond() - iat > 7000);
    }
  }
}
