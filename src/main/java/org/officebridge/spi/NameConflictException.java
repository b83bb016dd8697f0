package org.officebridge.spi;

import java.util.Optional;

/**
 * A document with the requested name already exists where the new one would go, and the host does
 * not replace it. Nothing was changed. The connector answers 409 (WOPI PutRelativeFile, with the
 * suggestion as {@code X-WOPI-ValidRelativeTarget}) or picks the suggestion where the protocol lets
 * it choose.
 */
public final class NameConflictException extends HostException {

  private final String suggestion;

  /**
   * @param message a description for logs
   * @param suggestion a free name the host would accept instead, or {@code null} for none
   */
  public NameConflictException(String message, String suggestion) {
    super(message, null);
    this.suggestion = suggestion;
  }

  /**
   * @return a free name the host would accept instead
   */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }
}
