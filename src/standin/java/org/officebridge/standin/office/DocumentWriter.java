package org.officebridge.standin.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.officebridge.formats.OfficeDocuments;

/**
 * Writes a valid file of a requested type from lines of text: every output format of the conversion
 * tables (OOXML and its macro/template variants, PDF, RTF, text formats, ODF, HTML, Markdown, FB2,
 * EPUB, and images).
 */
public final class DocumentWriter {

  private static final Set<String> WRITABLE =
      Set.of(
          "docx", "docm", "dotx", "dotm", "xlsx", "xlsm", "xltx", "xltm", "pptx", "pptm", "potx",
          "potm", "ppsx", "ppsm", "pdf", "pdfa", "rtf", "doc", "txt", "csv", "tsv", "md", "html",
          "htm", "odt", "ott", "ods", "ots", "odp", "otp", "fb2", "epub", "png", "jpg", "bmp",
          "gif");

  private DocumentWriter() {}

  /**
   * @param fileType an extension
   * @return whether {@link #write} produces it
   */
  public static boolean canWrite(String fileType) {
    return WRITABLE.contains(fileType.toLowerCase(Locale.ROOT));
  }

  /**
   * @param fileType the type to write
   * @param title a title, for formats that carry one
   * @param lines the text
   * @param scratch a scratch file the writer may use (for OOXML variants)
   * @param out where to write; not closed
   * @throws IOException when writing fails
   */
  public static void write(
      String fileType, String title, List<String> lines, Path scratch, OutputStream out)
      throws IOException {
    String t = fileType.toLowerCase(Locale.ROOT);
    OfficeFamily family = OfficeFamily.of(t);
    if (family != OfficeFamily.OTHER && !t.equals(family.base())) {
      try (OutputStream tmp = Files.newOutputStream(scratch)) {
        OfficeDocuments.write(family.base(), lines, tmp);
      }
      retype(scratch, t, out);
      return;
    }
    switch (t) {
      case "pdfa" -> OfficeDocuments.write("pdf", lines, out);
      case "tsv", "md" ->
          out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      case "csv" -> out.write(csv(lines).getBytes(StandardCharsets.UTF_8));
      case "html", "htm" -> out.write(Markup.html(title, lines).getBytes(StandardCharsets.UTF_8));
      case "fb2" -> out.write(Markup.fb2(title, lines).getBytes(StandardCharsets.UTF_8));
      case "epub" -> Markup.epub(title, lines, out);
      case "odt", "ott", "ods", "ots", "odp", "otp" -> OdfWriter.write(t, lines, out);
      case "png", "jpg", "bmp", "gif" -> ImageWriter.write(t, lines, out);
      default -> OfficeDocuments.write(t, lines, out);
    }
  }

  /**
   * Rewrites an OOXML package's main content type, turning e.g. a docx into a dotx.
   *
   * @param source a package of the family's base type
   * @param fileType the variant
   * @param out where to write; not closed
   * @throws IOException when reading or writing fails
   */
  static void retype(Path source, String fileType, OutputStream out) throws IOException {
    OfficeFamily family = OfficeFamily.of(fileType);
    String part = family.mainPart();
    String type = OfficeFamily.mainContentType(fileType);
    ZipRewrite.rewrite(
        source,
        out,
        Map.of(
            "[Content_Types].xml",
            xml ->
                xml.replaceAll(
                    "(<Override PartName=\"" + part + "\" ContentType=\")[^\"]*\"",
                    "$1" + type + "\"")));
  }

  private static String csv(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String line : lines) {
      String[] cells = line.split("\t", -1);
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          b.append(',');
        }
        String c = cells[i];
        b.append(c.matches(".*[\",\\r\\n].*") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
      }
      b.append('\n');
    }
    return b.toString();
  }
}
