package org.officebridge.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;

/**
 * Document keys ({@code document.key}): the Document Server's identity of an editing session.
 *
 * <ul>
 *   <li>While a Docs API session is open, its key is the session's key, kept across forcesaves
 *       (which store new versions) so that everyone who opens the document joins it.
 *   <li>Otherwise the key is derived from the instance id, the document id and the current content
 *       version, so it changes with every stored version (after a final save, an upload, a restore)
 *       and is unique across DMS instances sharing one Document Server.
 *   <li>A key the Document Server has used up (a final save was acknowledged, or a session that
 *       stored intermediate versions ended) is never handed out again, even when the content
 *       version did not change (a failed save kept as a recovery copy): the next derived key then
 *       counts on.
 * </ul>
 *
 * Keys use only {@code 0-9 a-z A-Z - . _ =} and are at most 128 characters; a derived key that
 * would be longer, or whose version has other characters, is a SHA-256 of its parts instead.
 */
@ApplicationScoped
public class DocumentKeys {

  /** What a document key may contain. */
  public static final Pattern VALID = Pattern.compile("[0-9a-zA-Z._=-]{1,128}");

  private static final Pattern SAFE_VERSION = Pattern.compile("[0-9a-zA-Z._=]{1,40}");
  private static final String USED = "key-used|";
  private static final Duration USED_FOR = Duration.ofDays(31);
  private static final int MAX_REDERIVE = 100;

  private Settings settings;
  private HostServices host;
  private Clock clock;

  /** For CDI. */
  protected DocumentKeys() {}

  /**
   * @param settings the instance id
   * @param host the host's session store
   * @param clock the time source
   */
  @Inject
  public DocumentKeys(Settings settings, HostServices host, Clock clock) {
    this.settings = settings;
    this.host = host;
    this.clock = clock;
  }

  /**
   * The key to open a document with now.
   *
   * @param info the document's current description
   * @return the open Docs API session's key, or the key derived from the current version
   * @throws HostUnavailableException when the session store cannot be reached
   */
  public String current(DocumentInfo info) throws HostUnavailableException {
    Optional<EditingSession> open =
        host.sessions()
            .load(info.id(), clock.instant())
            .filter(s -> s.protocol() == EditingSession.Protocol.DOCS_API);
    return open.isPresent() ? open.get().documentKey() : fresh(info);
  }

  /**
   * The key a new session on the current version gets: the derived key, or, when the Document
   * Server has used that one up, the first derived successor it has not.
   *
   * @param info the document's current description
   * @return a key no finished session has used
   * @throws HostUnavailableException when the session store cannot be reached
   */
  public String fresh(DocumentInfo info) throws HostUnavailableException {
    String key = derive(info);
    for (int n = 1; n <= MAX_REDERIVE && isUsed(key); n++) {
      key = derive(settings.connector().instanceId(), info.id().value(), info.version() + "\n" + n);
    }
    return key;
  }

  /**
   * Records that the Document Server has used a key up, so it is never handed out again.
   *
   * @param key a document key
   * @throws HostUnavailableException when the session store cannot be reached
   */
  public void markUsed(String key) throws HostUnavailableException {
    Instant now = clock.instant();
    host.sessions().markProcessed(USED + key, now.plus(USED_FOR), now);
  }

  private boolean isUsed(String key) throws HostUnavailableException {
    return host.sessions().isProcessed(USED + key, clock.instant());
  }

  /**
   * @param info a document version
   * @return the key derived from the instance, the document id and the version
   */
  public String derive(DocumentInfo info) {
    return derive(settings.connector().instanceId(), info.id().value(), info.version());
  }

  /**
   * @param id a document
   * @param version one of its versions
   * @return the key derived from the instance, the document id and that version
   */
  public String derive(org.officebridge.spi.DocumentId id, String version) {
    return derive(settings.connector().instanceId(), id.value(), version);
  }

  /**
   * Tells which document a key derived by this connector instance names, when it can be read back
   * (keys derived as a hash, and keys of other instances, cannot).
   *
   * @param key a document key, for example from the Document Server's forgotten files
   * @return the document id written into the key, if any
   */
  public Optional<org.officebridge.spi.DocumentId> documentOf(String key) {
    return documentOf(settings.connector().instanceId(), key);
  }

  static Optional<org.officebridge.spi.DocumentId> documentOf(String instanceId, String key) {
    String prefix = instanceId + "-";
    if (key == null || !key.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = key.substring(prefix.length());
    int dash = rest.lastIndexOf('-');
    if (dash <= 0 || !SAFE_VERSION.matcher(rest.substring(dash + 1)).matches()) {
      return Optional.empty();
    }
    return org.officebridge.spi.DocumentId.parse(rest.substring(0, dash));
  }

  static String derive(String instanceId, String documentId, String version) {
    String plain = instanceId + "-" + documentId + "-" + version;
    if (SAFE_VERSION.matcher(version).matches() && plain.length() <= 128) {
      return plain;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((documentId + "\n" + version).getBytes(StandardCharsets.UTF_8));
      return instanceId + "-h-" + HexFormat.of().formatHex(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
