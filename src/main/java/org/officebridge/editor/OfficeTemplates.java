package org.officebridge.editor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.officebridge.formats.OfficeDocuments;

/** Blank documents for "Create new", when the host's templates are not used. */
final class OfficeTemplates {

  private static final Set<String> CREATABLE = Set.of("docx", "xlsx", "pptx", "pdf");

  private OfficeTemplates() {}

  /**
   * @param fileType an extension
   * @return whether a blank document of that type can be created
   */
  static boolean canCreate(String fileType) {
    return CREATABLE.contains(fileType);
  }

  /**
   * @param fileType docx, xlsx, pptx or pdf
   * @return a blank document of that type
   */
  static byte[] blank(String fileType) {
    if (!canCreate(fileType)) {
      throw new IllegalArgumentException("no blank ." + fileType);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      OfficeDocuments.write(fileType, List.of(), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
