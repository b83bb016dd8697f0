package org.officebridge.wopi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A WOPI request ends with an answer other than success. Thrown by the WOPI protocol code and
 * turned into the HTTP answer in one place, {@link WopiExceptionMapper}. The reason is for logs
 * (and for the headers WOPI reserves for logging: {@code X-WOPI-LockFailureReason}, {@code
 * X-WOPI-InvalidFileNameError}); it never carries a token.
 */
public final class WopiException extends RuntimeException {

  private final int status;
  private final String reason;
  private final Optional<String> currentLock;
  private final Map<String, String> headers;
  private final boolean lockConflict;

  private WopiException(
      int status, String reason, Optional<String> currentLock, Map<String, String> headers) {
    this(status, reason, currentLock, headers, false);
  }

  private WopiException(
      int status,
      String reason,
      Optional<String> currentLock,
      Map<String, String> headers,
      boolean lockConflict) {
    super(status + " " + reason, null, false, false);
    this.status = status;
    this.reason = reason;
    this.currentLock = currentLock;
    this.headers = Map.copyOf(headers);
    this.lockConflict = lockConflict;
  }

  /**
   * 409: the file's lock (or another editing session) does not allow the operation.
   *
   * @param currentLock the lock on the file; empty string when it has no WOPI lock
   * @param reason why, for {@code X-WOPI-LockFailureReason}
   * @return the exception
   */
  public static WopiException lockConflict(String currentLock, String reason) {
    return new WopiException(409, reason, Optional.of(currentLock), Map.of(), true);
  }

  /**
   * 409 for PutRelativeFile: the target name is taken.
   *
   * @param currentLock the target's lock, or empty string
   * @param reason why
   * @param validTarget a free name to suggest, if any (sent UTF-7 encoded)
   * @return the exception
   */
  public static WopiException nameTaken(
      String currentLock, String reason, Optional<String> validTarget) {
    Map<String, String> headers = new LinkedHashMap<>();
    validTarget.ifPresent(v -> headers.put(WopiHeaders.VALID_RELATIVE_TARGET, Utf7.encode(v)));
    return new WopiException(409, reason, Optional.of(currentLock), headers);
  }

  /**
   * @param reason what is wrong with the request
   * @return a 400
   */
  public static WopiException badRequest(String reason) {
    return new WopiException(400, reason, Optional.empty(), Map.of());
  }

  /**
   * 400 for RenameFile and PutRelativeFile: the name cannot be used.
   *
   * @param reason why, for {@code X-WOPI-InvalidFileNameError}
   * @param validTarget a name the host would accept instead, if any (PutRelativeFile)
   * @return the exception
   */
  public static WopiException invalidFileName(String reason, Optional<String> validTarget) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(WopiHeaders.INVALID_FILE_NAME_ERROR, reason);
    validTarget.ifPresent(v -> headers.put(WopiHeaders.VALID_RELATIVE_TARGET, Utf7.encode(v)));
    return new WopiException(400, reason, Optional.empty(), headers);
  }

  /**
   * @param reason why the token is refused (missing, expired, for another file, no right)
   * @return a 401
   */
  public static WopiException unauthorized(String reason) {
    return new WopiException(401, reason, Optional.empty(), Map.of());
  }

  /**
   * @param reason why the caller may not use WOPI at all (its address)
   * @return a 403
   */
  public static WopiException forbidden(String reason) {
    return new WopiException(403, reason, Optional.empty(), Map.of());
  }

  /**
   * @param reason unknown file, or no access
   * @return a 404
   */
  public static WopiException notFound(String reason) {
    return new WopiException(404, reason, Optional.empty(), Map.of());
  }

  /**
   * @param reason the file is larger than {@code X-WOPI-MaxExpectedSize}
   * @return a 412
   */
  public static WopiException preconditionFailed(String reason) {
    return new WopiException(412, reason, Optional.empty(), Map.of());
  }

  /**
   * @param reason the content is larger than the configured limit
   * @return a 413
   */
  public static WopiException tooLarge(String reason) {
    return new WopiException(413, reason, Optional.empty(), Map.of());
  }

  /**
   * 500, as WOPI clients and the validator expect for a proof that does not verify.
   *
   * @param reason missing, stale, or not verifying
   * @return the exception
   */
  public static WopiException proofFailed(String reason) {
    return new WopiException(500, reason, Optional.empty(), Map.of());
  }

  /**
   * @param reason the operation this host (or this user on this file) does not support
   * @return a 501
   */
  public static WopiException notImplemented(String reason) {
    return new WopiException(501, reason, Optional.empty(), Map.of());
  }

  /**
   * @param reason what is temporarily unavailable
   * @return a 503
   */
  public static WopiException unavailable(String reason) {
    return new WopiException(503, reason, Optional.empty(), Map.of());
  }

  /**
   * @return whether a lock or another editing session refused the operation (counted as a lock
   *     conflict; a taken name is not one)
   */
  public boolean isLockConflict() {
    return lockConflict;
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return why, for logs
   */
  public String reason() {
    return reason;
  }

  /**
   * @return for a 409, the lock to send as {@code X-WOPI-Lock} (empty string when none)
   */
  public Optional<String> currentLock() {
    return currentLock;
  }

  /**
   * @return further headers of the answer
   */
  public Map<String, String> headers() {
    return headers;
  }
}
