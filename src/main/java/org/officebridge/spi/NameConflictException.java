package org.officebridge.spi;

import java.util.Optional;

/**
 * A document with the requested name already exists where the new one would go, and the host does
 * not replace it. Nothing was changed. The connector answers 409 (WOPI PutRelativeFile, with the
 * suggestion as {@code X-WOPI-ValidRelativeTarget}), picks the suggestion where the protocol lets
 * it choose, or, when asked to overwrite and the host names the {@link #existing()} document,
 * stores a new version of that one.
 */
public final class NameConflictException extends HostException {

  /** A free name the host would accept instead, or {@code null}. */
  private final String suggestion;

  /** The document that holds the name, or {@code null} when not known. */
  private final DocumentId existing;

  /**
   * @param message a description for logs
   * @param suggestion a free name the host would accept instead, or {@code null} for none
   */
  public NameConflictException(String message, String suggestion) {
    this(message, suggestion, null);
  }

  /**
   * @param message a description for logs
   * @param suggestion a free name the host would accept instead, or {@code null} for none
   * @param existing the document that already has the name, or {@code null} when the host does not
   *     say (then WOPI PutRelativeFile cannot overwrite it and answers 409)
   */
  public NameConflictException(String message, String suggestion, DocumentId existing) {
    super(message, null);
    this.suggestion = suggestion;
    this.existing = existing;
  }

  /**
   * @return a free name the host would accept instead
   */
  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }

  /**
   * @return the document that has the name, when the host tells (WOPI PutRelativeFile with {@code
   *     X-WOPI-OverwriteRelativeTarget: true} stores a new version of it instead)
   */
  public Optional<DocumentId> existing() {
    return Optional.ofNullable(existing);
  }
}
