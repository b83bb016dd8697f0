package org.officebridge.spi;

import java.util.Objects;

/**
 * One line of a document's sharing settings, as the editor's sharing dialog shows it.
 *
 * @param principal who it is shared with: a user id, a group name, or a description of a link
 * @param displayName how to show the principal
 * @param level what they may do
 * @param isLink whether this entry is a shared link rather than a user or group
 */
public record ShareEntry(String principal, String displayName, Level level, boolean isLink) {

  /** Access levels, as the editor's sharing dialog names them. */
  public enum Level {
    /** Full access, including sharing. */
    FULL_ACCESS,
    /** Edit. */
    EDIT,
    /** Review (track changes). */
    REVIEW,
    /** Comment. */
    COMMENT,
    /** Fill in forms. */
    FILL_FORMS,
    /** Read only. */
    READ_ONLY,
    /** Explicitly denied. */
    DENY
  }

  /** Checks that every part is present. */
  public ShareEntry {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(level, "level");
  }
}
