package org.officebridge.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.officebridge.config.Settings;

/**
 * The connector's own signed references, put into URLs it hands to the Document Server (download
 * and callback links): {@code base64url(purpose|subject|expiry).base64url(HMAC-SHA256)} with the
 * link secret. The subject says exactly what the link is for (a document id, a version, a session
 * key), so a link for document A can never act on document B. Links do not depend on a browser
 * session and keep working after the user who opened the editor has left.
 */
@ApplicationScoped
public class LinkSigner {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int MAX_LENGTH = 1024;

  private SecretKeySpec key;
  private Clock clock;

  /** For CDI. */
  protected LinkSigner() {}

  /**
   * @param settings the connector's settings (the link secret)
   * @param clock the clock for expiry
   */
  @Inject
  public LinkSigner(Settings settings, Clock clock) {
    this.key = new SecretKeySpec(settings.connector().linkSecret().bytes(), "HmacSHA256");
    this.clock = clock;
  }

  /**
   * @param purpose what the link is for (and its lifetime)
   * @param subject what it refers to; any text without {@code |} characters
   * @return the signed, URL-safe reference
   */
  public String sign(LinkPurpose purpose, String subject) {
    if (subject.indexOf('|') >= 0) {
      throw new IllegalArgumentException("a link subject has no '|'");
    }
    long expires = clock.instant().plus(purpose.lifetime()).getEpochSecond();
    String body = purpose.code() + "|" + subject + "|" + expires;
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /**
   * @param link a reference from a URL, possibly {@code null} or hostile
   * @param expected the purpose the caller serves
   * @return the subject
   * @throws InvalidTokenException when it is malformed, forged, for another purpose, or expired
   */
  public String verify(String link, LinkPurpose expected) {
    if (link == null || link.isEmpty()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
    }
    int dot = link.indexOf('.');
    if (link.length() > MAX_LENGTH || dot <= 0 || dot != link.lastIndexOf('.')) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    byte[] body;
    byte[] signature;
    try {
      body = DECODER.decode(link.substring(0, dot));
      signature = DECODER.decode(link.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    if (!MessageDigest.isEqual(mac(body), signature)) {
      throw new InvalidTokenException(InvalidTokenException.Reason.SIGNATURE);
    }
    String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    if (LinkPurpose.fromCode(parts[0]) != expected) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MISMATCH);
    }
    long expires;
    try {
      expires = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    if (clock.instant().isAfter(Instant.ofEpochSecond(expires))) {
      throw new InvalidTokenException(InvalidTokenException.Reason.EXPIRED);
    }
    return parts[1];
  }

  private byte[] mac(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
