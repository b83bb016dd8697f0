package org.officebridge.standin.jwt;

/** A token was refused; the reason decides the error the stand-in reports. */
public final class TokenException extends Exception {

  /** Why a token was refused. */
  public enum Reason {
    /** No token where one is required. */
    MISSING,
    /** Not three base64url parts of JSON. */
    MALFORMED,
    /** Not HS256 (includes {@code alg: none}). */
    ALGORITHM,
    /** The signature does not match the secret. */
    SIGNATURE,
    /** {@code exp} is in the past (beyond the tolerance). */
    EXPIRED,
    /** {@code nbf} is in the future (beyond the tolerance). */
    NOT_YET_VALID
  }

  private final Reason reason;

  /**
   * @param reason why the token was refused
   */
  public TokenException(Reason reason) {
    super("token refused: " + reason);
    this.reason = reason;
  }

  /**
   * @return why the token was refused
   */
  public Reason reason() {
    return reason;
  }
}
