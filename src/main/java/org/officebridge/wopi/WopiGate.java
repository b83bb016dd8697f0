package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import org.officebridge.config.ProofKeyMode;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.DiscoveryUnavailableException;
import org.officebridge.documentserver.WopiDiscovery;
import org.officebridge.documentserver.WopiDiscoveryClient;
import org.officebridge.host.HostServices;
import org.officebridge.platform.Metrics;
import org.officebridge.security.DocumentServerAddresses;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.WopiAccessToken;
import org.officebridge.security.WopiAccessTokens;
import org.officebridge.security.WopiProofs;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

/**
 * Admits a WOPI request, in this order: WOPI is on (else 404), the caller is an allowed Document
 * Server address (403), the access token is genuine and unexpired (401), the proof verifies (500,
 * as WOPI clients expect), the token is for this file (401), its user still exists (401) and may
 * still see the file (404). Rights are the token's, limited by the user's current ones.
 */
@ApplicationScoped
public class WopiGate {

  @Inject Settings settings;
  @Inject DocumentServerAddresses addresses;
  @Inject WopiAccessTokens tokens;
  @Inject WopiDiscoveryClient discovery;
  @Inject WopiLinks links;
  @Inject HostServices host;
  @Inject Clock clock;
  @Inject Metrics metrics;
  @Inject WopiProofMonitor proofs;

  /**
   * @param fileIdText the file id from the path
   * @param request the HTTP request
   * @return the admitted call
   * @throws WopiException when any check fails
   * @throws HostException when the DMS cannot tell the user's rights
   */
  public WopiCall admit(String fileIdText, HttpServletRequest request) throws HostException {
    if (!settings.wopi().enabled()) {
      throw WopiException.notFound("WOPI is not enabled");
    }
    if (!addresses.isAllowedPeer(request.getRemoteAddr())) {
      throw WopiException.forbidden("the caller is not an allowed Document Server address");
    }
    String token = accessToken(request.getQueryString());
    WopiAccessToken grant;
    try {
      grant = tokens.verify(token);
    } catch (InvalidTokenException e) {
      metrics.tokenRejected("wopi", e.reason().name());
      throw WopiException.unauthorized(
          "access token " + e.reason().name().toLowerCase(Locale.ROOT));
    }
    checkProof(request, token);
    WopiFileId fileId =
        links
            .parseFileId(fileIdText)
            .orElseThrow(() -> WopiException.notFound("not a file id of this connector"));
    if (!grant.document().equals(fileId.document())) {
      throw WopiException.unauthorized("the access token is for another file");
    }
    User user =
        host.users()
            .findUser(grant.userId())
            .orElseThrow(() -> WopiException.unauthorized("the token's user is unknown"));
    AccessRights current = host.access().rightsFor(fileId.document(), user);
    EnumSet<Permission> effective = EnumSet.noneOf(Permission.class);
    for (Permission p : grant.rights()) {
      if (current.can(p)) {
        effective.add(p);
      }
    }
    AccessRights rights = new AccessRights(effective, current.groups());
    if (!rights.can(Permission.VIEW)) {
      throw WopiException.notFound("the user may not see the file");
    }
    return new WopiCall(fileId, user, rights, grant);
  }

  /** The access token from the raw query string (never read from a form body). */
  static String accessToken(String query) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("access_token=")) {
        try {
          return URLDecoder.decode(pair.substring(13), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null;
        }
      }
    }
    return null;
  }

  private void checkProof(HttpServletRequest request, String token) {
    ProofKeyMode mode = settings.wopi().proofKeys();
    String proof = request.getHeader(WopiHeaders.PROOF);
    if (mode == ProofKeyMode.OFF || (proof == null && mode == ProofKeyMode.IF_PRESENT)) {
      return;
    }
    if (proof == null) {
      throw refused("missing", "no proof headers (wopi.proof-keys=required)");
    }
    WopiProofs.SignedRequest signed =
        new WopiProofs.SignedRequest(
            token,
            signedUrl(request),
            request.getHeader(WopiHeaders.TIMESTAMP),
            proof,
            Optional.ofNullable(request.getHeader(WopiHeaders.PROOF_OLD)));
    WopiProofs.Outcome outcome;
    boolean keys;
    try {
      WopiDiscovery d = discovery.current();
      outcome = check(d, signed);
      keys = d.proofKeys().isPresent();
      if (outcome == WopiProofs.Outcome.INVALID) {
        Optional<WopiDiscovery> fresh = discovery.refreshAfterFailedProof();
        if (fresh.isPresent()) {
          outcome = check(fresh.get(), signed);
          keys = fresh.get().proofKeys().isPresent();
        }
      }
    } catch (DiscoveryUnavailableException e) {
      throw refused("discovery-unavailable", "discovery unavailable, the proof cannot be checked");
    }
    if (!keys) {
      throw refused(
          "no-keys",
          "discovery publishes no proof keys (configure them on the Document Server,"
              + " or set wopi.proof-keys=if-present)");
    }
    if (outcome == WopiProofs.Outcome.STALE) {
      throw refused("stale", "the proof timestamp is missing or older than 20 minutes");
    }
    if (outcome != WopiProofs.Outcome.VALID) {
      throw refused("invalid", "the proof does not verify with the discovery keys");
    }
    proofs.valid(clock.instant());
  }

  /** Counts and records a failed proof check, and makes the answer (500, as WOPI wants). */
  private WopiException refused(String reason, String detail) {
    metrics.proofFailure(reason);
    proofs.failed(clock.instant(), reason, detail);
    return WopiException.proofFailed(detail);
  }

  private WopiProofs.Outcome check(WopiDiscovery d, WopiProofs.SignedRequest signed) {
    if (d.proofKeys().isEmpty()) {
      return WopiProofs.Outcome.INVALID;
    }
    return WopiProofs.check(d.proofKeys().get(), signed, clock.instant());
  }

  /**
   * The URL as the client called it: {@code connector.url} (the public scheme, host and port, also
   * behind a proxy), the path below the context, and the query string exactly as received.
   */
  private String signedUrl(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    return settings.connector().url() + path + (query == null ? "" : "?" + query);
  }
}
