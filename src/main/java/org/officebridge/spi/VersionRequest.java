package org.officebridge.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * How to store a new version of an existing document.
 *
 * @param expectedBaseVersion the version the new content was made from; the store must refuse with
 *     {@link VersionConflictException} when it is no longer the current version
 * @param fileType the lower-case extension of the new content; when it differs from the current
 *     title's extension the store changes the title's extension to it (for example {@code doc} to
 *     {@code docx} after an edit of a legacy file)
 * @param author who made the change (the last editor of a session)
 * @param kind why the version is stored
 * @param sessionKey the document key of the editing session that produced it, if any
 */
public record VersionRequest(
    String expectedBaseVersion,
    String fileType,
    User author,
    VersionKind kind,
    Optional<String> sessionKey) {

  /**
   * Checks that every part is present and the file type is a plain extension.
   *
   * @param expectedBaseVersion the version the new content was made from; the store must refuse
   *     with {@link VersionConflictException} when it is no longer the current version
   * @param fileType the lower-case extension of the new content; when it differs from the current
   *     title's extension the store changes the title's extension to it (for example {@code doc} to
   *     {@code docx} after an edit of a legacy file)
   * @param author who made the change (the last editor of a session)
   * @param kind why the version is stored
   * @param sessionKey the document key of the editing session that produced it, if any
   */
  public VersionRequest {
    Objects.requireNonNull(expectedBaseVersion, "expectedBaseVersion");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sessionKey, "sessionKey");
    if (fileType == null || !fileType.matches("[a-z0-9]{1,10}")) {
      throw new IllegalArgumentException("file type must be 1-10 characters of a-z 0-9");
    }
  }
}
