package org.officebridge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officebridge.config.Settings;
import org.officebridge.config.SettingsLoader;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.Permission;

class WopiAccessTokensTest {

  private static final DocumentId DOC = new DocumentId("doc-1");
  private static final URI PAGE = URI.create("https://dms.example.com/officebridge");

  private static Settings settings(String secret, String ttl) throws Exception {
    return SettingsLoader.load(
        Map.of(
            "officebridge.ds.public-url",
            "http://127.0.0.1:8090",
            "officebridge.connector.url",
            "http://127.0.0.1:8080",
            "officebridge.jwt.secret",
            secret,
            "officebridge.wopi.token-ttl",
            ttl),
        Map.of());
  }

  private static WopiAccessTokens tokens(Instant now) throws Exception {
    return new WopiAccessTokens(
        settings(JwtServiceTest.SECRET, "PT10H"), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static String issue(Instant now) throws Exception {
    return tokens(now)
        .issue(DOC, "eddie", EnumSet.of(Permission.VIEW, Permission.EDIT), PAGE)
        .value();
  }

  private static InvalidTokenException.Reason refusal(String token) throws Exception {
    WopiAccessTokens t = tokens(JwtServiceTest.NOW);
    return assertThrows(InvalidTokenException.class, () -> t.verify(token)).reason();
  }

  @Test
  void aTokenGivesBackItsDocumentUserRightsAndHostPage() throws Exception {
    WopiAccessToken grant = tokens(JwtServiceTest.NOW).verify(issue(JwtServiceTest.NOW));
    assertEquals(DOC, grant.document());
    assertEquals("eddie", grant.userId());
    assertEquals(EnumSet.of(Permission.VIEW, Permission.EDIT), grant.rights());
    assertEquals(PAGE, grant.hostPage());
  }

  @Test
  void theTtlIsTheAbsoluteExpiryInEpochMillisecondsOfTheConfiguredLifetime() throws Exception {
    WopiAccessTokens.Issued issued =
        tokens(JwtServiceTest.NOW).issue(DOC, "eddie", EnumSet.of(Permission.VIEW), PAGE);
    assertEquals(
        JwtServiceTest.NOW.plus(Duration.ofHours(10)).toEpochMilli(),
        issued.grant().ttlEpochMillis());
  }

  @Test
  void tokensAreUrlSafeAndEachOneIsDifferent() throws Exception {
    String a = issue(JwtServiceTest.NOW);
    String b = issue(JwtServiceTest.NOW);
    assertTrue(a.matches("[A-Za-z0-9._-]+"), a);
    assertTrue(!a.equals(b));
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String token = issue(JwtServiceTest.NOW.minus(Duration.ofHours(10)));
    assertEquals(InvalidTokenException.Reason.EXPIRED, refusal(token));
  }

  @Test
  void aTokenWithAChangedGrantIsRefused() throws Exception {
    String token = issue(JwtServiceTest.NOW);
    int first = token.indexOf('.');
    int last = token.lastIndexOf('.');
    byte[] body = Base64.getUrlDecoder().decode(token.substring(first + 1, last));
    body[4] ^= 1; // a character of the document id
    String forged =
        "wt1."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(body)
            + token.substring(last);
    assertEquals(InvalidTokenException.Reason.SIGNATURE, refusal(forged));
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRefused() throws Exception {
    String token =
        new WopiAccessTokens(
                settings("another-secret-0123456789abcdef-0123", "PT10H"),
                Clock.fixed(JwtServiceTest.NOW, ZoneOffset.UTC))
            .issue(DOC, "eddie", EnumSet.of(Permission.VIEW), PAGE)
            .value();
    assertEquals(InvalidTokenException.Reason.SIGNATURE, refusal(token));
  }

  @Test
  void aDocumentServerJwtIsNeverAnAccessToken() throws Exception {
    String jwt =
        JwtServiceTest.service(JwtServiceTest.NOW)
            .sign(Map.of("doc", DOC.value(), "user", "eddie"), Duration.ofHours(1));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal(jwt));
  }

  @Test
  void anAccessTokenIsNeverADocumentServerJwtNorALink() throws Exception {
    String token = issue(JwtServiceTest.NOW);
    JwtService jwt = JwtServiceTest.service(JwtServiceTest.NOW);
    assertThrows(InvalidTokenException.class, () -> jwt.verify(token));
    LinkSigner links =
        new LinkSigner(
            settings(JwtServiceTest.SECRET, "PT10H"),
            Clock.fixed(JwtServiceTest.NOW, ZoneOffset.UTC));
    for (LinkPurpose purpose : LinkPurpose.values()) {
      assertThrows(InvalidTokenException.class, () -> links.verify(token, purpose));
    }
  }

  @Test
  void aConnectorLinkIsNeverAnAccessToken() throws Exception {
    LinkSigner links =
        new LinkSigner(
            settings(JwtServiceTest.SECRET, "PT10H"),
            Clock.fixed(JwtServiceTest.NOW, ZoneOffset.UTC));
    String link = links.sign(LinkPurpose.DOWNLOAD, DOC.value());
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal(link));
    assertEquals(InvalidTokenException.Reason.SIGNATURE, refusal("wt1." + link));
  }

  @Test
  void missingGarbageAndOversizedTokensAreRefused() throws Exception {
    assertEquals(InvalidTokenException.Reason.MISSING, refusal(null));
    assertEquals(InvalidTokenException.Reason.MISSING, refusal(""));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal("wt1."));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal("wt1.%%%.***"));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal("wt1." + "A".repeat(4096)));
  }
}
