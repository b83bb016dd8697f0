package org.officebridge.spi;

import java.util.Objects;

/**
 * One line of a document's sharing settings, as the editor's sharing dialog shows it.
 *
 * @param principal who it is shared with: a user id, a group name, or an id of a link
 * @param displayName how to show the principal
 * @param level what they may do
 * @param kind whether the principal is a user, a group or a shared link
 */
public record ShareEntry(String principal, String displayName, Level level, Kind kind) {

  /** What a principal is, so that a user and a group with the same name are never confused. */
  public enum Kind {
    /** A user id ({@link User#id()}). */
    USER,
    /** A group name ({@link User#groups()}). */
    GROUP,
    /** A shared link. */
    LINK
  }

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

  /**
   * Checks that every part is present.
   *
   * @param principal who it is shared with: a user id, a group name, or an id of a link
   * @param displayName how to show the principal
   * @param level what they may do
   * @param kind whether the principal is a user, a group or a shared link
   */
  public ShareEntry {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * @return whether this entry is a shared link ({@code sharingSettings[].isLink})
   */
  public boolean isLink() {
    return kind == Kind.LINK;
  }
}
