package org.officebridge.standin.storage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.officebridge.standin.http.FormEncoding;

/**
 * Expiring, signed links to stored files, shaped like the DS's cache links ({@code
 * /cache/files/data/<id>/<name>?md5=...&expires=...&filename=...}); the "md5" is an HMAC-SHA256 of
 * id, name and expiry with a key that lives only as long as the stand-in.
 */
public final class SignedLinks {

  /** Where links point. */
  public static final String PATH_PREFIX = "/cache/files/data/";

  private final byte[] key = new byte[32];
  private final Supplier<URI> baseUrl;
  private final Clock clock;
  private final Duration ttl;

  /**
   * @param baseUrl the stand-in's base URL
   * @param clock the time source
   * @param ttl how long links stay valid (DS default 900 s)
   */
  public SignedLinks(Supplier<URI> baseUrl, Clock clock, Duration ttl) {
    new SecureRandom().nextBytes(key);
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.ttl = ttl;
  }

  /**
   * @param file a stored file
   * @return a link to it that expires after the configured time
   */
  public URI link(StoredFile file) {
    long expires = clock.instant().plus(ttl).getEpochSecond();
    String name = FormEncoding.encodeUriComponent(file.fileName());
    return URI.create(
        baseUrl.get()
            + PATH_PREFIX
            + file.id()
            + "/"
            + name
            + "?md5="
            + sign(file.id(), file.fileName(), expires)
            + "&expires="
            + expires
            + "&filename="
            + name);
  }

  /** What checking a link found. */
  public enum Check {
    /** Valid and current. */
    VALID,
    /** The signature does not match. */
    FORGED,
    /** The link has expired. */
    EXPIRED
  }

  /**
   * @param id the id in the path
   * @param fileName the name in the path (decoded)
   * @param signature the md5 parameter
   * @param expires the expires parameter
   * @return the verdict
   */
  public Check check(String id, String fileName, String signature, String expires) {
    long exp;
    try {
      exp = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      return Check.FORGED;
    }
    byte[] expected = sign(id, fileName, exp).getBytes(StandardCharsets.US_ASCII);
    byte[] given = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Check.FORGED;
    }
    return clock.instant().getEpochSecond() > exp ? Check.EXPIRED : Check.VALID;
  }

  private String sign(String id, String fileName, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] h =
          mac.doFinal((id + "\n" + fileName + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
