package org.officebridge.standin.formats;

import java.util.List;
import java.util.Set;

/**
 * One row of the format table.
 *
 * @param ext the extension, lower case
 * @param type the document type, if it has one (images and archives have none)
 * @param actions the actions (view, edit, lossy-edit, auto-convert, fill, ...)
 * @param convertTo the formats the conversion service can produce from it
 * @param mime its first MIME type
 */
public record Format(
    String ext,
    java.util.Optional<DocumentType> type,
    Set<String> actions,
    List<String> convertTo,
    String mime) {

  /**
   * @return whether the editors can edit it (natively or lossily)
   */
  public boolean editable() {
    return actions.contains("edit") || actions.contains("lossy-edit");
  }

  /**
   * @return whether it is view-only for word/cell/slide, so WOPI offers {@code convert}
   */
  public boolean convertibleForEditing() {
    return !editable()
        && actions.contains("auto-convert")
        && type.filter(
                t -> t == DocumentType.WORD || t == DocumentType.CELL || t == DocumentType.SLIDE)
            .isPresent();
  }
}
