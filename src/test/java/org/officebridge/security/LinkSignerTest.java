package org.officebridge.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officebridge.config.Settings;
import org.officebridge.config.SettingsLoader;

class LinkSignerTest {

  private static Settings settings(String secret) throws Exception {
    return SettingsLoader.load(
        Map.of(
            "officebridge.ds.public-url", "http://127.0.0.1:8090",
            "officebridge.connector.url", "http://127.0.0.1:8080",
            "officebridge.jwt.secret", secret),
        Map.of());
  }

  private static LinkSigner signer(Instant now) throws Exception {
    return new LinkSigner(
        settings("0123456789abcdef0123456789abcdef"), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static InvalidTokenException.Reason refusal(String link, LinkPurpose purpose)
      throws Exception {
    LinkSigner s = signer(JwtServiceTest.NOW);
    return assertThrows(InvalidTokenException.class, () -> s.verify(link, purpose)).reason();
  }

  @Test
  void aLinkGivesBackItsSubjectForItsPurpose() throws Exception {
    LinkSigner s = signer(JwtServiceTest.NOW);
    String link = s.sign(LinkPurpose.CALLBACK, "doc-1/key-9");
    assertEquals("doc-1/key-9", s.verify(link, LinkPurpose.CALLBACK));
  }

  @Test
  void aLinkForOnePurposeIsRefusedForAnother() throws Exception {
    String link = signer(JwtServiceTest.NOW).sign(LinkPurpose.DOWNLOAD, "doc-1");
    assertEquals(InvalidTokenException.Reason.MISMATCH, refusal(link, LinkPurpose.CALLBACK));
  }

  @Test
  void aChangedSubjectOrSignatureIsRefused() throws Exception {
    String link = signer(JwtServiceTest.NOW).sign(LinkPurpose.DOWNLOAD, "doc-1");
    String forgedBody =
        java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("d|doc-2|" + Long.MAX_VALUE).getBytes())
            + link.substring(link.indexOf('.'));
    assertEquals(InvalidTokenException.Reason.SIGNATURE, refusal(forgedBody, LinkPurpose.DOWNLOAD));
    String otherSecret =
        new LinkSigner(
                settings("another-secret-another-secret-another"),
                Clock.fixed(JwtServiceTest.NOW, ZoneOffset.UTC))
            .sign(LinkPurpose.DOWNLOAD, "doc-1");
    assertEquals(
        InvalidTokenException.Reason.SIGNATURE, refusal(otherSecret, LinkPurpose.DOWNLOAD));
  }

  @Test
  void anExpiredLinkIsRefused() throws Exception {
    String link =
        signer(JwtServiceTest.NOW.minus(Duration.ofDays(2))).sign(LinkPurpose.DOWNLOAD, "doc-1");
    assertEquals(InvalidTokenException.Reason.EXPIRED, refusal(link, LinkPurpose.DOWNLOAD));
  }

  @Test
  void malformedLinksAreRefused() throws Exception {
    assertEquals(InvalidTokenException.Reason.MISSING, refusal("", LinkPurpose.DOWNLOAD));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal("abc", LinkPurpose.DOWNLOAD));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal("a.b.c", LinkPurpose.DOWNLOAD));
    assertEquals(InvalidTokenException.Reason.MALFORMED, refusal("%%.%%", LinkPurpose.DOWNLOAD));
    assertEquals(
        InvalidTokenException.Reason.MALFORMED,
        refusal("x".repeat(2000) + ".y", LinkPurpose.DOWNLOAD));
  }
}
