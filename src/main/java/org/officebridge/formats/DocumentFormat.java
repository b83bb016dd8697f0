package org.officebridge.formats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What ONLYOFFICE Docs does with one file extension.
 *
 * @param extension lower-case extension without the dot
 * @param type the editor that opens it; empty for images and archives, which no editor opens
 * @param actions the editor actions ONLYOFFICE offers for it
 * @param conversions the extensions the conversion service produces from it
 * @param mimeType its MIME type
 */
public record DocumentFormat(
    String extension,
    Optional<DocumentType> type,
    Set<Action> actions,
    List<String> conversions,
    String mimeType) {

  /** Editor actions, as the format table names them. */
  public enum Action {
    /** Open for viewing. */
    VIEW,
    /** Native editing. */
    EDIT,
    /** Editing that may lose features of the format. */
    LOSSY_EDIT,
    /** Converted to the native format for editing. */
    AUTO_CONVERT,
    /** Track changes. */
    REVIEW,
    /** Comments. */
    COMMENT,
    /** Filling in forms. */
    FILL,
    /** Filters visible to this user only. */
    CUSTOMFILTER,
    /** Password protection. */
    ENCRYPT
  }

  /** Copies the collections. */
  public DocumentFormat {
    Objects.requireNonNull(extension, "extension");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mimeType, "mimeType");
    actions = Set.copyOf(actions);
    conversions = List.copyOf(conversions);
  }

  /**
   * @return whether the editor edits it in place (natively or lossy), so a save keeps its format
   *     when the Document Server can write it back
   */
  public boolean isEditable() {
    return actions.contains(Action.EDIT) || actions.contains(Action.LOSSY_EDIT);
  }

  /**
   * @return whether it is view-only unless converted to the native format first
   */
  public boolean needsConversionToEdit() {
    return !isEditable() && actions.contains(Action.AUTO_CONVERT);
  }

  /**
   * @return whether forms in it can be filled in
   */
  public boolean isFillable() {
    return actions.contains(Action.FILL);
  }

  /**
   * @param target an extension
   * @return whether the conversion service converts this format into it
   */
  public boolean convertsTo(String target) {
    return conversions.contains(target);
  }
}
