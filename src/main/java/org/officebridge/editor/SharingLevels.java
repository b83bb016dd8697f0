package org.officebridge.editor;

import java.util.Locale;
import java.util.Optional;
import org.officebridge.spi.ShareEntry;

/** The editor's names of sharing levels ({@code sharingSettings.permissions}), both ways. */
final class SharingLevels {

  private SharingLevels() {}

  /**
   * @param level a level
   * @return the label the editor's sharing list shows
   */
  static String label(ShareEntry.Level level) {
    return switch (level) {
      case FULL_ACCESS -> "Full Access";
      case EDIT -> "Edit";
      case REVIEW -> "Review";
      case COMMENT -> "Comment";
      case FILL_FORMS -> "Form Filling";
      case READ_ONLY -> "Read Only";
      case DENY -> "Deny Access";
    };
  }

  /**
   * @param code a level's enum name in any case ({@code read_only}, {@code EDIT} ...)
   * @return the level, or empty when unknown
   */
  static Optional<ShareEntry.Level> parse(String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ShareEntry.Level.valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
