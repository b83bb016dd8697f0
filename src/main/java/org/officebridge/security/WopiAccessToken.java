package org.officebridge.security;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.Permission;

/**
 * What a WOPI access token grants: one user on one document, with at most the rights the user had
 * when it was issued, until it expires.
 *
 * @param document the only document the token is valid for
 * @param userId the user acting through it
 * @param rights the user's rights when it was issued (the connector also checks the current ones)
 * @param expiresAt when it stops being accepted ({@code access_token_ttl} in epoch milliseconds)
 * @param hostPage the connector's base URL as the user's browser reached it (the host page's origin
 *     is the {@code PostMessageOrigin}; host page links are built from it)
 */
public record WopiAccessToken(
    DocumentId document, String userId, Set<Permission> rights, Instant expiresAt, URI hostPage) {

  /** Checks that every part is present and copies the rights. */
  public WopiAccessToken {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(hostPage, "hostPage");
    rights = rights.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rights));
  }

  /**
   * @return {@code access_token_ttl}: the expiry in milliseconds since the epoch
   */
  public long ttlEpochMillis() {
    return expiresAt.toEpochMilli();
  }
}
