package org.officebridge.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The connector's signed links as a Document Server receives them in an editor config, made from
 * the outside with the configured link secret in the documented format ({@code
 * base64url(purpose|subject|expiry).base64url(HMAC-SHA256)}), so black-box tests can drive
 * callbacks and downloads without an editor page.
 */
public final class ConnectorLinks {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String connectorUrl;
  private final byte[] secret;

  /**
   * @param connectorUrl the connector's base URL, without trailing slash
   * @param linkSecret the configured {@code officebridge.link.secret}
   */
  public ConnectorLinks(String connectorUrl, String linkSecret) {
    this.connectorUrl = connectorUrl.replaceAll("/+$", "");
    this.secret = linkSecret.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param documentId a document
   * @param key the document key of the session
   * @param baseVersion the version the session started from
   * @return {@code editorConfig.callbackUrl}
   */
  public String callbackUrl(String documentId, String key, String baseVersion) {
    return connectorUrl + "/callback/" + callbackLink(documentId, key, baseVersion);
  }

  /**
   * @param documentId a document
   * @param key the document key of the session
   * @param baseVersion the version the session started from
   * @return the signed link of a callback URL
   */
  public String callbackLink(String documentId, String key, String baseVersion) {
    String version = B64.encodeToString(baseVersion.getBytes(StandardCharsets.UTF_8));
    return sign("c", documentId + "/" + key + "/" + version, Duration.ofDays(31));
  }

  /**
   * @param documentId a document
   * @return {@code document.url} for its current version
   */
  public String downloadUrl(String documentId) {
    return connectorUrl + "/download/" + sign("d", documentId, Duration.ofHours(24));
  }

  /**
   * @param purpose the one-letter purpose code
   * @param subject what the link is for
   * @param lifetime how long it is valid
   * @return the signed link
   */
  public String sign(String purpose, String subject, Duration lifetime) {
    long expires = Instant.now().plus(lifetime).getEpochSecond();
    byte[] body = (purpose + "|" + subject + "|" + expires).getBytes(StandardCharsets.UTF_8);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return B64.encodeToString(body) + "." + B64.encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
