package org.officebridge.standin.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.officebridge.standin.formats.DocumentType;
import org.officebridge.standin.formats.Format;
import org.officebridge.standin.formats.FormatTable;

/**
 * The stand-in's "editor": decides in which format a document is edited and saved (as the DS does:
 * OOXML and pdf natively, lossy-edit formats kept when they can be written back, everything else
 * converted to docx/xlsx/pptx), and applies a visible, deterministic change:
 *
 * <ul>
 *   <li>docx family: a bold paragraph at the end of the body;
 *   <li>xlsx family: a row under the first sheet's data, text in column A;
 *   <li>pptx family: a text box on the last slide;
 *   <li>pdf: a new PDF with the old text plus the line;
 *   <li>txt, csv, tsv, md: the line appended; rtf, odt/ods/odp, html, epub, fb2: rewritten from the
 *       text plus the line.
 * </ul>
 */
public final class SimulatedEditor {

  private final FormatTable formats;

  /**
   * @param formats the format table
   */
  public SimulatedEditor(FormatTable formats) {
    this.formats = formats;
  }

  /**
   * @param fileType the opened document's type
   * @return the type the stand-in edits and saves it as (the callback's {@code filetype})
   */
  public String workingType(String fileType) {
    String t = fileType.toLowerCase(Locale.ROOT);
    if (OfficeFamily.of(t) != OfficeFamily.OTHER || t.equals("pdf")) {
      return t;
    }
    Format f = formats.find(t).orElse(null);
    if (f == null || f.type().isEmpty()) {
      return t;
    }
    if (f.actions().contains("lossy-edit") && DocumentWriter.canWrite(t)) {
      return t;
    }
    DocumentType type = f.type().get();
    return type == DocumentType.PDF || type == DocumentType.DIAGRAM ? t : type.ooxml();
  }

  /**
   * @param fileType a type
   * @return whether the stand-in can change a document of that working type
   */
  public boolean canEdit(String fileType) {
    String t = fileType.toLowerCase(Locale.ROOT);
    return OfficeFamily.of(t) != OfficeFamily.OTHER || DocumentWriter.canWrite(t);
  }

  /**
   * Makes the working copy of a freshly downloaded document.
   *
   * @param original the downloaded file
   * @param fileType its type
   * @param title the document title
   * @param scratch a scratch file for intermediate output
   * @param target where to write the working copy
   * @return the working type
   * @throws IOException when reading or writing fails
   */
  public String prepare(Path original, String fileType, String title, Path scratch, Path target)
      throws IOException {
    String working = workingType(fileType);
    if (working.equals(fileType.toLowerCase(Locale.ROOT))) {
      Files.copy(original, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else {
      List<String> lines = TextExtractor.lines(original, fileType);
      try (OutputStream out = Files.newOutputStream(target)) {
        DocumentWriter.write(working, title, lines, scratch, out);
      }
    }
    return working;
  }

  /**
   * Applies one simulated edit.
   *
   * @param current the current working copy
   * @param workingType its type
   * @param title the document title
   * @param line the visible line to add
   * @param scratch a scratch file for intermediate output
   * @param target where to write the edited copy
   * @throws IOException when reading or writing fails
   */
  public void edit(
      Path current, String workingType, String title, String line, Path scratch, Path target)
      throws IOException {
    OfficeFamily family = OfficeFamily.of(workingType);
    try (OutputStream out = Files.newOutputStream(target)) {
      if (family != OfficeFamily.OTHER) {
        OoxmlEdit.appendLine(current, family, line, out);
      } else {
        List<String> lines = new ArrayList<>(TextExtractor.lines(current, workingType));
        lines.add(line);
        DocumentWriter.write(workingType, title, lines, scratch, out);
      }
    }
  }
}
