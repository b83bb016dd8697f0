package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.platform.Metrics;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;
import org.officebridge.web.SameOrigin;

/**
 * The gate of every browser request on an editor: who is acting (the host's {@code resolveActor}),
 * their rights on the document (asked anew on every request), and, for the page's JSON endpoints,
 * protection against cross-site requests: the browser's {@code Origin} (or {@code Referer}) must be
 * the connector's own, and the request must carry the page token the editor page was given, which
 * binds it to this document and this user.
 */
@ApplicationScoped
public class EditorGuard {

  /** The header carrying the page token. */
  public static final String TOKEN_HEADER = "X-Officebridge-Editor-Token";

  private static final Logger LOG = Logger.getLogger(EditorGuard.class.getName());

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject LinkSigner links;
  @Inject Metrics metrics;

  /**
   * @param request the browser's request
   * @param id the document
   * @return the acting user with their rights; they may at least view the document
   * @throws EditorException 401 when anonymous, 404 when the document is unknown or invisible to
   *     the user, 503 when the host is unavailable
   */
  EditorActor actor(HttpServletRequest request, DocumentId id) {
    User user;
    AccessRights rights;
    try {
      user =
          host.users()
              .resolveActor(new ServletActorRequest(request))
              .orElseThrow(
                  () -> new EditorException(401, "error.unauthorized", "anonymous request"));
      rights = host.access().rightsFor(id, user);
    } catch (HostException e) {
      throw EditorException.from(e);
    }
    Locale locale = settings.editor().locale().orElse(user.locale());
    if (!rights.can(Permission.VIEW)) {
      throw new EditorException(404, "error.notFound", "user=" + user.id() + " may not view");
    }
    return new EditorActor(id, user, rights, locale);
  }

  /**
   * The gate of the page's JSON endpoints: {@link #actor} plus the same-origin check and the page
   * token.
   *
   * @param request the browser's request
   * @param id the document
   * @return the acting user with their rights
   * @throws EditorException 403 for a cross-site request or a missing, forged or foreign token
   */
  EditorActor endpoint(HttpServletRequest request, DocumentId id) {
    if (!isSameOrigin(request)) {
      LOG.warning(() -> "event=editor-endpoint outcome=refused reason=origin doc=" + id);
      throw EditorException.forbidden("cross-site request");
    }
    EditorActor actor = actor(request, id);
    String expected = subject(id, actor.user());
    try {
      String subject = links.verify(request.getHeader(TOKEN_HEADER), LinkPurpose.EDITOR);
      if (!expected.equals(subject)) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MISMATCH);
      }
    } catch (InvalidTokenException e) {
      metrics.tokenRejected("editor", e.reason().name());
      LOG.warning(
          () ->
              "event=editor-endpoint outcome=refused reason=token-"
                  + e.reason()
                  + " doc="
                  + id
                  + " user="
                  + actor.user().id());
      throw EditorException.forbidden("page token " + e.reason());
    }
    return actor;
  }

  /**
   * @param id a document
   * @param user the user the page is for
   * @return the page token for the page's JSON endpoints
   */
  String pageToken(DocumentId id, User user) {
    return links.sign(LinkPurpose.EDITOR, subject(id, user));
  }

  private static String subject(DocumentId id, User user) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(user.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return id.value()
          + "/"
          + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * A same-origin request; a GET without Origin and Referer is a same-origin fetch and passes, any
   * other method without them is refused (browsers send Origin on every state-changing fetch).
   */
  private boolean isSameOrigin(HttpServletRequest request) {
    return SameOrigin.check(
        request,
        settings.editor().browserUrl().flatMap(u -> SameOrigin.of(u.toString())),
        "GET".equals(request.getMethod()));
  }

  /**
   * @param request a browser request
   * @return the connector's origin as the browser sees it
   */
  String ownOrigin(HttpServletRequest request) {
    Optional<URI> configured = settings.editor().browserUrl();
    if (configured.isPresent()) {
      return SameOrigin.of(configured.get().toString()).orElse("");
    }
    String host = request.getHeader("Host");
    return request.getScheme() + "://" + (host == null ? request.getServerName() : host);
  }

  /**
   * @param request a browser request
   * @return the connector's base URL as the browser reaches it, ending with a slash
   */
  URI browserBase(HttpServletRequest request) {
    Optional<URI> configured = settings.editor().browserUrl();
    if (configured.isPresent()) {
      return URI.create(configured.get() + "/");
    }
    return URI.create(ownOrigin(request) + request.getContextPath() + "/");
  }
}
