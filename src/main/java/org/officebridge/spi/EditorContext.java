package org.officebridge.spi;

import java.util.Objects;

/**
 * What an editor page is about to open, as {@link EditorCustomizer} sees it.
 *
 * @param document the document's current description
 * @param user the acting user
 * @param rights the user's rights on it
 * @param editing whether the editor opens for editing ({@code mode: edit}) rather than viewing
 * @param platform how it is shown
 */
public record EditorContext(
    DocumentInfo document, User user, AccessRights rights, boolean editing, Platform platform) {

  /** {@code type} of the editor config. */
  public enum Platform {
    /** A full editor for desktop browsers. */
    DESKTOP,
    /** The touch editor for phones and tablets. */
    MOBILE,
    /** A viewer for embedding in other pages. */
    EMBEDDED
  }

  /**
   * Checks that every part is present.
   *
   * @param document the document's current description
   * @param user the acting user
   * @param rights the user's rights on it
   * @param editing whether the editor opens for editing ({@code mode: edit}) rather than viewing
   * @param platform how it is shown
   */
  public EditorContext {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(rights, "rights");
    Objects.requireNonNull(platform, "platform");
  }
}
