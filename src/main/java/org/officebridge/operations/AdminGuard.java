package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.LinkPurpose;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.User;
import org.officebridge.web.SameOrigin;

/**
 * Who may use the admin page and endpoints: a request the container gave the role {@code
 * officebridge.admin.role}, or one whose user (the host's {@code resolveActor}) the host calls an
 * administrator ({@code UserDirectory.isAdministrator}). Requests that change something must also
 * come from the connector's own origin ({@code Origin}, else {@code Referer}) and carry the admin
 * page's token ({@value #TOKEN_HEADER}), which binds them to that administrator.
 */
@ApplicationScoped
public class AdminGuard {

  /** The header carrying the admin page's token. */
  public static final String TOKEN_HEADER = "X-Officebridge-Admin-Token";

  private static final Logger LOG = Logger.getLogger(AdminGuard.class.getName());

  @Inject Settings settings;
  @Inject HostServices host;
  @Inject LinkSigner links;
  @Inject Metrics metrics;

  /**
   * An administrator.
   *
   * @param name the container principal's name, or the host's user id, for audit lines
   * @param via {@code role} (the container role) or {@code host} (the host said so)
   */
  public record Administrator(String name, String via) {}

  /**
   * @param request a request
   * @return the administrator making it, if it is one
   * @throws AdminException 503 when the host cannot tell
   */
  public Optional<Administrator> find(HttpServletRequest request) {
    if (request.getUserPrincipal() != null && request.isUserInRole(settings.adminRole())) {
      return Optional.of(new Administrator(request.getUserPrincipal().getName(), "role"));
    }
    try {
      Optional<User> user = host.users().resolveActor(new ServletActorRequest(request));
      if (user.isPresent() && host.users().isAdministrator(user.get())) {
        return Optional.of(new Administrator(user.get().id(), "host"));
      }
      return Optional.empty();
    } catch (HostUnavailableException e) {
      throw AdminException.unavailable("the DMS cannot tell who you are; try again later");
    }
  }

  /**
   * The gate of every admin request that only reads.
   *
   * @param request the request
   * @param what what is asked for, for the log
   * @return the administrator
   * @throws AdminException 401 without any identity, 403 for anyone else
   */
  public Administrator require(HttpServletRequest request, String what) {
    Optional<Administrator> admin = find(request);
    if (admin.isPresent()) {
      return admin.get();
    }
    boolean anonymous = request.getUserPrincipal() == null && !hasActor(request);
    refuse(what, anonymous ? "anonymous" : "not-admin", null);
    throw anonymous
        ? new AdminException(401, "unauthorized", "sign in as an administrator")
        : new AdminException(
            403,
            "forbidden",
            "administrators only: the role "
                + settings.adminRole()
                + " or the DMS's administrator flag is required");
  }

  /**
   * The gate of every admin request that changes something: {@link #require} plus the same-origin
   * check and the admin page's token.
   *
   * @param request the request
   * @param what the action, for the log
   * @return the administrator
   * @throws AdminException 401/403 as {@link #require}; 403 for a cross-site request or a missing,
   *     forged, expired or foreign token
   */
  public Administrator requireForChange(HttpServletRequest request, String what) {
    if (!SameOrigin.check(
        request, settings.editor().browserUrl().flatMap(u -> SameOrigin.of(u.toString())), false)) {
      refuse(what, "origin", null);
      throw new AdminException(403, "cross-site", "cross-site request refused");
    }
    Administrator admin = require(request, what);
    try {
      String subject = links.verify(request.getHeader(TOKEN_HEADER), LinkPurpose.ADMIN);
      if (!subject.equals(subject(admin))) {
        throw new InvalidTokenException(InvalidTokenException.Reason.MISMATCH);
      }
    } catch (InvalidTokenException e) {
      metrics.tokenRejected("admin", e.reason().name());
      refuse(what, "token-" + e.reason().name().toLowerCase(java.util.Locale.ROOT), admin);
      throw new AdminException(
          403, "token", "the admin page's token is missing or expired: reload the admin page");
    }
    return admin;
  }

  /**
   * @param admin an administrator
   * @return the token the admin page sends with changes
   */
  public String token(Administrator admin) {
    return links.sign(LinkPurpose.ADMIN, subject(admin));
  }

  private boolean hasActor(HttpServletRequest request) {
    try {
      return host.users().resolveActor(new ServletActorRequest(request)).isPresent();
    } catch (HostUnavailableException e) {
      return false;
    }
  }

  private void refuse(String what, String reason, Administrator admin) {
    metrics.adminAction(what, "refused");
    LOG.warning(
        () ->
            LogLine.event("admin-action")
                .with("action", what)
                .with("admin", admin == null ? null : admin.name())
                .with("outcome", "refused")
                .with("reason", reason)
                .toString());
  }

  private static String subject(Administrator admin) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((admin.via() + "/" + admin.name()).getBytes(StandardCharsets.UTF_8));
      return "admin/" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
