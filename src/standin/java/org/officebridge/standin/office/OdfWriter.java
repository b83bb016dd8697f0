package org.officebridge.standin.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.officebridge.formats.OfficeDocuments;

/** Writes minimal OpenDocument packages (text, spreadsheet, presentation, and their templates). */
final class OdfWriter {

  private static final String NS =
      " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
          + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
          + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
          + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
          + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
          + " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
          + " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
          + " xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\""
          + " office:version=\"1.2\"";

  private OdfWriter() {}

  static void write(String fileType, List<String> lines, OutputStream out) throws IOException {
    String mime = "application/vnd.oasis.opendocument." + kind(fileType);
    try (ZipOutputStream zip = new ZipOutputStream(NonClosing.wrap(out))) {
      byte[] m = mime.getBytes(StandardCharsets.US_ASCII);
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(m.length);
      CRC32 crc = new CRC32();
      crc.update(m);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(m);
      zip.closeEntry();
      Markup.put(
          zip,
          "META-INF/manifest.xml",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest xmlns:manifest="
              + "\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
              + "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\""
              + " manifest:media-type=\""
              + mime
              + "\"/><manifest:file-entry manifest:full-path=\"content.xml\""
              + " manifest:media-type=\"text/xml\"/><manifest:file-entry"
              + " manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>"
              + "</manifest:manifest>");
      Markup.put(zip, "styles.xml", styles());
      Markup.put(zip, "content.xml", content(fileType, lines));
    }
  }

  private static String kind(String fileType) {
    return switch (fileType) {
      case "odt" -> "text";
      case "ott" -> "text-template";
      case "ods" -> "spreadsheet";
      case "ots" -> "spreadsheet-template";
      case "odp" -> "presentation";
      case "otp" -> "presentation-template";
      default -> throw new IllegalArgumentException(fileType);
    };
  }

  private static String styles() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles"
        + NS
        + "><office:automatic-styles><style:page-layout style:name=\"pm1\">"
        + "<style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\"/>"
        + "</style:page-layout></office:automatic-styles><office:master-styles>"
        + "<style:master-page style:name=\"Default\" style:page-layout-name=\"pm1\"/>"
        + "</office:master-styles></office:document-styles>";
  }

  private static String content(String fileType, List<String> lines) {
    StringBuilder body = new StringBuilder();
    switch (fileType) {
      case "ods", "ots" -> {
        body.append("<office:spreadsheet><table:table table:name=\"Sheet1\">");
        for (String row : lines) {
          body.append("<table:table-row>");
          for (String cell : row.split("\t", -1)) {
            body.append("<table:table-cell office:value-type=\"string\"><text:p>")
                .append(OfficeDocuments.escapeXml(cell))
                .append("</text:p></table:table-cell>");
          }
          body.append("</table:table-row>");
        }
        if (lines.isEmpty()) {
          body.append("<table:table-row><table:table-cell/></table:table-row>");
        }
        body.append("</table:table></office:spreadsheet>");
      }
      case "odp", "otp" -> {
        body.append("<office:presentation><draw:page draw:name=\"page1\"")
            .append(" draw:master-page-name=\"Default\"><draw:frame svg:x=\"2cm\" svg:y=\"2cm\"")
            .append(" svg:width=\"24cm\" svg:height=\"15cm\"><draw:text-box>");
        paragraphs(body, lines);
        body.append("</draw:text-box></draw:frame></draw:page></office:presentation>");
      }
      default -> {
        body.append("<office:text>");
        paragraphs(body, lines);
        body.append("</office:text>");
      }
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content"
        + NS
        + "><office:body>"
        + body
        + "</office:body></office:document-content>";
  }

  private static void paragraphs(StringBuilder b, List<String> lines) {
    for (String line : lines) {
      b.append("<text:p>").append(OfficeDocuments.escapeXml(line)).append("</text:p>");
    }
    if (lines.isEmpty()) {
      b.append("<text:p/>");
    }
  }
}
