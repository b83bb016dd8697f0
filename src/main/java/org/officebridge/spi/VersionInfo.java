package org.officebridge.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of a document.
 *
 * @param version the content version (as in {@link DocumentInfo#version()})
 * @param number position in the history, 1 for the first version, increasing by one
 * @param created when it was stored
 * @param author who stored it
 * @param size its size in bytes
 * @param fileType its lower-case extension
 * @param kind why it was stored
 */
public record VersionInfo(
    String version,
    int number,
    Instant created,
    User author,
    long size,
    String fileType,
    VersionKind kind) {

  /**
   * Checks that every part is present and the number is positive.
   *
   * @param version the content version (as in {@link DocumentInfo#version()})
   * @param number position in the history, 1 for the first version, increasing by one
   * @param created when it was stored
   * @param author who stored it
   * @param size its size in bytes
   * @param fileType its lower-case extension
   * @param kind why it was stored
   */
  public VersionInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(fileType, "fileType");
    Objects.requireNonNull(kind, "kind");
    if (number < 1) {
      throw new IllegalArgumentException("version numbers start at 1");
    }
  }
}
