package org.officebridge.reliability;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens made by hand, byte for byte, so that the corpus can send what no library would sign: JWTs
 * with {@code alg: none}, HS/RS confusion, other HMAC sizes, wrong secrets, broken segments; WOPI
 * access tokens and connector links in their documented formats with any expiry, subject or
 * signature. Only the formats are known here; the secrets are the test settings.
 */
final class CraftedTokens {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final KeyPair RSA = keyPair("RSA", null);
  private static final KeyPair EC = keyPair("EC", "secp256r1");

  private CraftedTokens() {}

  /** How a crafted JWT's third segment is made. */
  enum Signing {
    /** HMAC-SHA256 with the shared secret: a genuine token (whatever its header says). */
    HS256,
    /** HMAC-SHA384 with the shared secret. */
    HS384,
    /** HMAC-SHA512 with the shared secret. */
    HS512,
    /** HMAC-SHA256 with another secret. */
    WRONG_SECRET,
    /** HMAC-SHA256 with the shared secret minus its last character. */
    SECRET_PREFIX,
    /** HMAC-SHA256 with the shared secret upper-cased. */
    SECRET_CASE,
    /** An empty signature segment ({@code header.payload.}). */
    EMPTY,
    /** No third segment at all ({@code header.payload}). */
    MISSING,
    /** A random signature. */
    GARBAGE,
    /** SHA256withRSA with a key of our own. */
    RS256,
    /** SHA256withECDSA with a key of our own. */
    ES256,
    /** A genuine HS256 signature with one bit flipped. */
    FLIPPED;

    static Signing parse(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  /**
   * @param headerJson the JOSE header as JSON text
   * @param claimsJson the claims as JSON text
   * @param signing how to sign
   * @param secret the shared secret
   * @return the compact token
   */
  static String jwt(String headerJson, String claimsJson, Signing signing, String secret) {
    String input =
        B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
    byte[] data = input.getBytes(StandardCharsets.US_ASCII);
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    return switch (signing) {
      case HS256 -> input + "." + B64.encodeToString(hmac("HmacSHA256", key, data));
      case HS384 -> input + "." + B64.encodeToString(hmac("HmacSHA384", key, data));
      case HS512 -> input + "." + B64.encodeToString(hmac("HmacSHA512", key, data));
      case WRONG_SECRET ->
          input
              + "."
              + B64.encodeToString(
                  hmac("HmacSHA256", "not-the-secret-0123456789-abcdef-0123".getBytes(), data));
      case SECRET_PREFIX ->
          input
              + "."
              + B64.encodeToString(
                  hmac("HmacSHA256", secret.substring(0, secret.length() - 1).getBytes(), data));
      case SECRET_CASE ->
          input
              + "."
              + B64.encodeToString(
                  hmac(
                      "HmacSHA256",
                      secret.toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                      data));
      case EMPTY -> input + ".";
      case MISSING -> input;
      case GARBAGE -> input + "." + B64.encodeToString(new byte[32]);
      case RS256 -> input + "." + B64.encodeToString(sign("SHA256withRSA", RSA, data));
      case ES256 -> input + "." + B64.encodeToString(sign("SHA256withECDSA", EC, data));
      case FLIPPED -> {
        byte[] mac = hmac("HmacSHA256", key, data);
        mac[0] ^= 1;
        yield input + "." + B64.encodeToString(mac);
      }
    };
  }

  /**
   * A connector link ({@code base64url(purpose|subject|expiry).base64url(HMAC-SHA256)}).
   *
   * @param purpose the one-letter purpose
   * @param subject the subject
   * @param expires when it expires
   * @param linkSecret the link secret, or another one to forge
   * @return the link
   */
  static String link(String purpose, String subject, Instant expires, String linkSecret) {
    byte[] body =
        (purpose + "|" + subject + "|" + expires.getEpochSecond()).getBytes(StandardCharsets.UTF_8);
    return B64.encodeToString(body)
        + "."
        + B64.encodeToString(hmac("HmacSHA256", linkSecret.getBytes(StandardCharsets.UTF_8), body));
  }

  /**
   * A WOPI access token in the connector's format ({@code wt1.<grant>.<mac>}, the MAC key derived
   * from the link secret).
   *
   * @param document the document id
   * @param user the user id
   * @param rights comma-separated permission names
   * @param expires when it expires
   * @param hostPage the host page URL it names
   * @param linkSecret the link secret, or another one to forge
   * @return the token
   */
  static String wopiToken(
      String document,
      String user,
      String rights,
      Instant expires,
      String hostPage,
      String linkSecret) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeUTF(document);
      out.writeUTF(user);
      out.writeUTF(rights);
      out.writeLong(expires.toEpochMilli());
      out.writeUTF(hostPage);
      out.write(new byte[9]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] derived =
        hmac(
            "HmacSHA256",
            linkSecret.getBytes(StandardCharsets.UTF_8),
            "officebridge wopi access token v1".getBytes(StandardCharsets.UTF_8));
    String signed = "wt1." + B64.encodeToString(bytes.toByteArray());
    return signed
        + "."
        + B64.encodeToString(
            hmac("HmacSHA256", derived, signed.getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sign(String algorithm, KeyPair keys, byte[] data) {
    try {
      Signature s = Signature.getInstance(algorithm);
      s.initSign(keys.getPrivate());
      s.update(data);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair keyPair(String algorithm, String curve) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
      if (curve == null) {
        g.initialize(2048);
      } else {
        g.initialize(new ECGenParameterSpec(curve));
      }
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
