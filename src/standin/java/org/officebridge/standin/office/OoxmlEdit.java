package org.officebridge.standin.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officebridge.formats.OfficeDocuments;

/**
 * Adds one visible line of text to an OOXML package without touching the rest: a paragraph at the
 * end of a document, a row under the first sheet's data, a text box on the last slide.
 */
final class OoxmlEdit {

  private static final Pattern ROW_NUMBER =
      Pattern.compile("<(?:\\w+:)?row\\b[^>]*\\br=\"(\\d+)\"");
  private static final Pattern SHAPE_ID = Pattern.compile("<p:cNvPr\\b[^>]*\\bid=\"(\\d+)\"");
  private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");

  private OoxmlEdit() {}

  /**
   * @param source the package
   * @param family its family
   * @param text the line to add
   * @param out where to write the edited package; not closed
   * @throws IOException when reading or writing fails, or the package lacks the expected part
   */
  static void appendLine(Path source, OfficeFamily family, String text, OutputStream out)
      throws IOException {
    String escaped = OfficeDocuments.escapeXml(text);
    switch (family) {
      case WORDPROCESSING ->
          ZipRewrite.rewrite(source, out, Map.of("word/document.xml", x -> paragraph(x, escaped)));
      case SPREADSHEET ->
          ZipRewrite.rewrite(source, out, Map.of(firstSheet(source), x -> row(x, escaped)));
      case PRESENTATION ->
          ZipRewrite.rewrite(source, out, Map.of(lastSlide(source), x -> textBox(x, escaped)));
      case OTHER -> throw new IllegalArgumentException("not an OOXML package");
    }
  }

  private static String paragraph(String xml, String text) {
    String p =
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
    int bodyEnd = xml.lastIndexOf("</w:body>");
    if (bodyEnd < 0) {
      throw new IllegalStateException("no w:body");
    }
    int sect = xml.lastIndexOf("<w:sectPr", bodyEnd);
    int at = sect >= 0 && xml.indexOf("</w:p>", sect) < 0 ? sect : bodyEnd;
    return xml.substring(0, at) + p + xml.substring(at);
  }

  private static String row(String xml, String text) {
    Matcher m = ROW_NUMBER.matcher(xml);
    int max = 0;
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    Matcher prefixed = Pattern.compile("<(\\w+:)?sheetData\\b").matcher(xml);
    String prefix = prefixed.find() && prefixed.group(1) != null ? prefixed.group(1) : "";
    int r = max + 1;
    String row =
        "<"
            + prefix
            + "row r=\""
            + r
            + "\"><"
            + prefix
            + "c r=\"A"
            + r
            + "\" t=\"inlineStr\"><"
            + prefix
            + "is><"
            + prefix
            + "t xml:space=\"preserve\">"
            + text
            + "</"
            + prefix
            + "t></"
            + prefix
            + "is></"
            + prefix
            + "c></"
            + prefix
            + "row>";
    String empty = "<" + prefix + "sheetData/>";
    if (xml.contains(empty)) {
      return xml.replace(empty, "<" + prefix + "sheetData>" + row + "</" + prefix + "sheetData>");
    }
    String close = "</" + prefix + "sheetData>";
    int at = xml.lastIndexOf(close);
    if (at < 0) {
      throw new IllegalStateException("no sheetData");
    }
    return xml.substring(0, at) + row + xml.substring(at);
  }

  private static String textBox(String xml, String text) {
    Matcher m = SHAPE_ID.matcher(xml);
    int max = 1;
    while (m.find()) {
      max = Math.max(max, Integer.parseInt(m.group(1)));
    }
    int id = max + 1;
    String shape =
        "<p:sp><p:nvSpPr><p:cNvPr id=\""
            + id
            + "\" name=\"Stand-in edit "
            + id
            + "\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm>"
            + "<a:off x=\"457200\" y=\""
            + Math.min(6000000, 5200000 + (id % 8) * 100000)
            + "\"/><a:ext cx=\"8229600\" cy=\"400000\"/></a:xfrm><a:prstGeom prst=\"rect\">"
            + "<a:avLst/></a:prstGeom></p:spPr><p:txBody><a:bodyPr wrap=\"square\"/>"
            + "<a:lstStyle/><a:p><a:r><a:rPr lang=\"en-US\" dirty=\"0\"/><a:t>"
            + text
            + "</a:t></a:r></a:p></p:txBody></p:sp>";
    int at = xml.lastIndexOf("</p:spTree>");
    if (at < 0) {
      throw new IllegalStateException("no p:spTree");
    }
    return xml.substring(0, at) + shape + xml.substring(at);
  }

  private static String firstSheet(Path source) throws IOException {
    return ZipRewrite.entryNames(source).stream()
        .filter(n -> SHEET.matcher(n).matches())
        .min(Comparator.comparingInt(OoxmlEdit::sheetNumber))
        .orElseThrow(() -> new IOException("no worksheet"));
  }

  private static int sheetNumber(String name) {
    Matcher m = SHEET.matcher(name);
    return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
  }

  private static String lastSlide(Path source) throws IOException {
    return ZipRewrite.entryNames(source).stream()
        .filter(n -> TextExtractor.slideNumber(n) > 0)
        .max(Comparator.comparingInt(TextExtractor::slideNumber))
        .orElseThrow(() -> new IOException("no slide"));
  }
}
