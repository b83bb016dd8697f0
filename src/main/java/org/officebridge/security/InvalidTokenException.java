package org.officebridge.security;

/**
 * A token or signed link was refused. The reason is for logs and metrics; clients only learn that
 * it was refused. Never carries the token itself.
 */
public final class InvalidTokenException extends RuntimeException {

  /** Why a token was refused. */
  public enum Reason {
    /** No token where one is required. */
    MISSING,
    /** Not a compact JWS, bad Base64, bad JSON, or too large. */
    MALFORMED,
    /** Any algorithm other than the pinned HS256 (including {@code none}). */
    ALGORITHM,
    /** The signature does not verify with the shared secret. */
    SIGNATURE,
    /** Past its expiry (beyond the tolerated clock skew). */
    EXPIRED,
    /** Not valid yet (beyond the tolerated clock skew). */
    NOT_YET_VALID,
    /** Without an expiry ({@code exp}): it could be replayed forever. */
    NO_EXPIRY,
    /** Valid, but its content does not match the request (wrong URL, document or purpose). */
    MISMATCH
  }

  private final Reason reason;

  /**
   * @param reason why it was refused
   */
  public InvalidTokenException(Reason reason) {
    super("token refused: " + reason.name().toLowerCase(java.util.Locale.ROOT));
    this.reason = reason;
  }

  /**
   * @return why it was refused
   */
  public Reason reason() {
    return reason;
  }
}
