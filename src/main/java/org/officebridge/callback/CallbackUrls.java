package org.officebridge.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.session.DocumentKeys;
import org.officebridge.session.EditingSessions;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;

/**
 * Builds the callback URLs the editor page puts into {@code editorConfig.callbackUrl}: {@code
 * <connector URL>/callback/<signed link>}, where the link (purpose {@link LinkPurpose#CALLBACK},
 * valid 31 days) names the document, the document key and the session's base version. The URL
 * depends on no user and no browser session, so it keeps working whichever editor's URL the
 * Document Server picks, and after that user has left.
 */
@ApplicationScoped
public class CallbackUrls {

  /** The key and callback URL an editor opens a document with. */
  public record EditorCallback(String documentKey, String callbackUrl) {
    /** Checks that both parts are present. */
    public EditorCallback {
      Objects.requireNonNull(documentKey, "documentKey");
      Objects.requireNonNull(callbackUrl, "callbackUrl");
    }
  }

  @Inject LinkSigner links;
  @Inject Settings settings;
  @Inject DocumentKeys keys;
  @Inject EditingSessions sessions;

  /**
   * The key and callback URL for an editor opening a document now: when a Docs API session is open,
   * its key and base version (so the new editor joins it); otherwise a fresh key for the current
   * version.
   *
   * @param info the document's current description
   * @return {@code document.key} and {@code editorConfig.callbackUrl}
   * @throws HostUnavailableException when the session store cannot be reached
   */
  public EditorCallback forEditor(DocumentInfo info) throws HostUnavailableException {
    Optional<EditingSession> open =
        sessions.live(info.id()).filter(s -> s.protocol() == EditingSession.Protocol.DOCS_API);
    String key = open.isPresent() ? open.get().documentKey() : keys.fresh(info);
    String base = open.isPresent() ? open.get().baseVersion() : info.version();
    return new EditorCallback(key, urlFor(info.id(), base, key));
  }

  /**
   * @param id the document
   * @param baseVersion the content version the editor opens
   * @param key the document key the editor opens with
   * @return the callback URL
   */
  public String urlFor(DocumentId id, String baseVersion, String key) {
    return urlFor(links, settings.connector().url().toString(), id, baseVersion, key);
  }

  /**
   * @param links the link signer
   * @param connectorUrl the connector's base URL as the Document Server reaches it
   * @param id the document
   * @param baseVersion the content version the editor opens
   * @param key the document key the editor opens with
   * @return the callback URL
   */
  public static String urlFor(
      LinkSigner links, String connectorUrl, DocumentId id, String baseVersion, String key) {
    CallbackReference reference = new CallbackReference(id, key, baseVersion);
    return connectorUrl + "/callback/" + links.sign(LinkPurpose.CALLBACK, reference.subject());
  }

  /**
   * @param link the signed link from a callback URL's path
   * @return what it refers to
   * @throws InvalidTokenException when it is missing, forged, expired or for another purpose
   */
  public CallbackReference verify(String link) {
    return CallbackReference.fromSubject(links.verify(link, LinkPurpose.CALLBACK))
        .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MALFORMED));
  }
}
