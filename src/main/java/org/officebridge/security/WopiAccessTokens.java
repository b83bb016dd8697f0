package org.officebridge.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.officebridge.config.Settings;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.Permission;

/**
 * Issues and checks WOPI access tokens: {@code wt1.<base64url(grant)>.<base64url(HMAC-SHA256)>}.
 * The HMAC key is derived from the link secret for this use only, so neither a connector link nor a
 * Document Server JWT is ever accepted as an access token, and an access token is neither a link
 * nor a JWT. Tokens are opaque to the WOPI client, URL-safe, and never logged.
 */
@ApplicationScoped
public class WopiAccessTokens {

  /** Longest token accepted. */
  public static final int MAX_LENGTH = 2048;

  private static final String PREFIX = "wt1.";
  private static final byte FORMAT = 1;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretKeySpec key;
  private Settings.Wopi wopi;
  private Clock clock;

  /** For CDI. */
  protected WopiAccessTokens() {}

  /**
   * @param settings the connector's settings (the link secret and the token lifetime)
   * @param clock the clock for expiry
   */
  @Inject
  public WopiAccessTokens(Settings settings, Clock clock) {
    byte[] linkSecret = settings.connector().linkSecret().bytes();
    this.key =
        new SecretKeySpec(
            hmac(
                new SecretKeySpec(linkSecret, "HmacSHA256"),
                "officebridge wopi access token v1".getBytes(StandardCharsets.UTF_8)),
            "HmacSHA256");
    this.wopi = settings.wopi();
    this.clock = clock;
  }

  /**
   * A token and what it grants.
   *
   * @param value the token to hand to the WOPI client
   * @param grant what it grants
   */
  public record Issued(String value, WopiAccessToken grant) {}

  /**
   * Issues a token valid for the configured lifetime ({@code wopi.token-ttl}).
   *
   * @param document the document
   * @param userId the user
   * @param rights the user's current rights on the document
   * @param hostPage the connector's base URL as the user's browser reached it
   * @return the token
   */
  public Issued issue(DocumentId document, String userId, Set<Permission> rights, URI hostPage) {
    WopiAccessToken grant =
        new WopiAccessToken(
            document, userId, rights, clock.instant().plus(wopi.tokenTtl()), hostPage);
    byte[] body = encode(grant);
    String signed = PREFIX + ENCODER.encodeToString(body);
    String mac = ENCODER.encodeToString(hmac(key, signed.getBytes(StandardCharsets.US_ASCII)));
    return new Issued(signed + "." + mac, grant);
  }

  /**
   * @param token a token from a request, possibly {@code null} or hostile
   * @return what it grants
   * @throws InvalidTokenException when it is missing, malformed, forged or expired
   */
  public WopiAccessToken verify(String token) {
    if (token == null || token.isEmpty()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
    }
    int dot = token.lastIndexOf('.');
    if (token.length() > MAX_LENGTH || !token.startsWith(PREFIX) || dot <= PREFIX.length()) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    String signed = token.substring(0, dot);
    byte[] body;
    byte[] mac;
    try {
      body = DECODER.decode(signed.substring(PREFIX.length()));
      mac = DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
    if (!MessageDigest.isEqual(hmac(key, signed.getBytes(StandardCharsets.US_ASCII)), mac)) {
      throw new InvalidTokenException(InvalidTokenException.Reason.SIGNATURE);
    }
    WopiAccessToken grant = decode(body);
    if (!clock.instant().isBefore(grant.expiresAt())) {
      throw new InvalidTokenException(InvalidTokenException.Reason.EXPIRED);
    }
    return grant;
  }

  private static byte[] encode(WopiAccessToken grant) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(grant.document().value());
      out.writeUTF(grant.userId());
      out.writeUTF(
          grant.rights().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
      out.writeLong(grant.expiresAt().toEpochMilli());
      out.writeUTF(grant.hostPage().toString());
      byte[] nonce = new byte[9];
      RANDOM.nextBytes(nonce);
      out.write(nonce);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static WopiAccessToken decode(byte[] body) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
      if (in.readByte() != FORMAT) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
      }
      DocumentId document = new DocumentId(in.readUTF());
      String userId = in.readUTF();
      Set<Permission> rights = EnumSet.noneOf(Permission.class);
      for (String name : in.readUTF().split(",")) {
        for (Permission p : Permission.values()) {
          if (p.name().equals(name)) {
            rights.add(p);
          }
        }
      }
      Instant expires = Instant.ofEpochMilli(in.readLong());
      URI hostPage = new URI(in.readUTF());
      return new WopiAccessToken(document, userId, rights, expires, hostPage);
    } catch (IOException | java.net.URISyntaxException | IllegalArgumentException e) {
      throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
    }
  }

  private static byte[] hmac(SecretKeySpec key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
