package org.officebridge.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and under which name a new document is created.
 *
 * @param title file name with extension
 * @param besides create the document in the same folder as this one (save as, conversion, conflict
 *     and recovery copies); empty means the acting user's default location
 */
public record NewDocument(String title, Optional<DocumentId> besides) {

  /**
   * @throws IllegalArgumentException when the title is not a valid file name
   * @param title file name with extension
   * @param besides create the document in the same folder as this one (save as, conversion,
   *     conflict and recovery copies); empty means the acting user's default location
   */
  public NewDocument {
    Objects.requireNonNull(besides, "besides");
    if (!FileNames.isValid(title)) {
      throw new IllegalArgumentException("not a valid file name");
    }
  }
}
