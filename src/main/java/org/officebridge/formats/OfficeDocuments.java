package org.officebridge.formats;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small, valid documents from text: OOXML (docx, xlsx, pptx), PDF and RTF. Used for blank
 * "create new" documents and for the demo's sample files. Every part is generated here; nothing is
 * read from a template file.
 */
public final class OfficeDocuments {

  private static final String XML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String CT = "http://schemas.openxmlformats.org/package/2006/content-types";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String P = "http://schemas.openxmlformats.org/presentationml/2006/main";
  private static final String A = "http://schemas.openxmlformats.org/drawingml/2006/main";

  private OfficeDocuments() {}

  /**
   * Writes a document of the given type, for the types this class knows.
   *
   * @param fileType docx, xlsx, pptx, pdf, rtf, doc (RTF content), txt or csv
   * @param lines the text: paragraphs, rows (cells separated by tabs) or slide lines
   * @param out where to write; not closed
   * @throws IOException when writing fails
   * @throws IllegalArgumentException for another type
   */
  public static void write(String fileType, List<String> lines, OutputStream out)
      throws IOException {
    switch (fileType.toLowerCase(Locale.ROOT)) {
      case "docx" -> docx(lines, out);
      case "xlsx" -> xlsx(lines, out);
      case "pptx" -> pptx(lines, out);
      case "pdf" -> pdf(lines, out);
      case "rtf", "doc" -> rtf(lines, out);
      case "txt" -> out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
      case "csv" ->
          out.write(
              (String.join("\n", lines.stream().map(l -> l.replace('\t', ',')).toList()) + "\n")
                  .getBytes(StandardCharsets.UTF_8));
      default -> throw new IllegalArgumentException("cannot write ." + fileType);
    }
  }

  /**
   * @param fileType an extension
   * @return whether {@link #write} can produce it
   */
  public static boolean canWrite(String fileType) {
    return List.of("docx", "xlsx", "pptx", "pdf", "rtf", "doc", "txt", "csv")
        .contains(fileType.toLowerCase(Locale.ROOT));
  }

  /**
   * @param text any text
   * @return the text escaped for XML content and attribute values, without XML-illegal controls
   */
  public static String escapeXml(String text) {
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static void docx(List<String> paragraphs, OutputStream out) throws IOException {
    StringBuilder body = new StringBuilder();
    for (String p : paragraphs) {
      body.append("<w:p><w:r><w:t xml:space=\"preserve\">")
          .append(escapeXml(p))
          .append("</w:t></w:r></w:p>");
    }
    if (paragraphs.isEmpty()) {
      body.append("<w:p/>");
    }
    try (ZipOutputStream zip = new ZipOutputStream(nonClosing(out))) {
      put(
          zip,
          "[Content_Types].xml",
          XML
              + "<Types xmlns=\""
              + CT
              + "\"><Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
      put(zip, "_rels/.rels", rels("officeDocument", "word/document.xml"));
      put(
          zip,
          "word/document.xml",
          XML
              + "<w:document xmlns:w=\""
              + W
              + "\"><w:body>"
              + body
              + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\""
              + " w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"708\""
              + " w:footer=\"708\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
    }
  }

  private static void xlsx(List<String> rows, OutputStream out) throws IOException {
    StringBuilder data = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      data.append("<row r=\"").append(r + 1).append("\">");
      String[] cells = rows.get(r).split("\t", -1);
      for (int c = 0; c < cells.length; c++) {
        String ref = column(c) + (r + 1);
        String value = cells[c];
        if (value.matches("-?\\d{1,15}(\\.\\d{1,6})?")) {
          data.append("<c r=\"").append(ref).append("\"><v>").append(value).append("</v></c>");
        } else {
          data.append("<c r=\"")
              .append(ref)
              .append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">")
              .append(escapeXml(value))
              .append("</t></is></c>");
        }
      }
      data.append("</row>");
    }
    try (ZipOutputStream zip = new ZipOutputStream(nonClosing(out))) {
      put(
          zip,
          "[Content_Types].xml",
          XML
              + "<Types xmlns=\""
              + CT
              + "\"><Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
              + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
      put(zip, "_rels/.rels", rels("officeDocument", "xl/workbook.xml"));
      put(
          zip,
          "xl/workbook.xml",
          XML
              + "<workbook xmlns=\""
              + S
              + "\" xmlns:r=\""
              + REL
              + "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
              + "</workbook>");
      put(zip, "xl/_rels/workbook.xml.rels", rels("worksheet", "worksheets/sheet1.xml"));
      put(
          zip,
          "xl/worksheets/sheet1.xml",
          XML + "<worksheet xmlns=\"" + S + "\"><sheetData>" + data + "</sheetData></worksheet>");
    }
  }

  private static String column(int index) {
    StringBuilder b = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      b.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return b.toString();
  }

  private static void pptx(List<String> lines, OutputStream out) throws IOException {
    String title = lines.isEmpty() ? "" : lines.get(0);
    List<String> body = lines.size() > 1 ? lines.subList(1, lines.size()) : List.of();
    try (ZipOutputStream zip = new ZipOutputStream(nonClosing(out))) {
      String pml = "application/vnd.openxmlformats-officedocument.presentationml.";
      put(
          zip,
          "[Content_Types].xml",
          XML
              + "<Types xmlns=\""
              + CT
              + "\"><Default Extension=\"rels\""
              + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
              + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + override("/ppt/presentation.xml", pml + "presentation.main+xml")
              + override("/ppt/slides/slide1.xml", pml + "slide+xml")
              + override("/ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml")
              + override("/ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml")
              + override(
                  "/ppt/theme/theme1.xml",
                  "application/vnd.openxmlformats-officedocument.theme+xml")
              + "</Types>");
      put(zip, "_rels/.rels", rels("officeDocument", "ppt/presentation.xml"));
      put(
          zip,
          "ppt/presentation.xml",
          XML
              + "<p:presentation xmlns:a=\""
              + A
              + "\" xmlns:r=\""
              + REL
              + "\" xmlns:p=\""
              + P
              + "\"><p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/>"
              + "</p:sldMasterIdLst><p:sldIdLst><p:sldId id=\"256\" r:id=\"rId2\"/></p:sldIdLst>"
              + "<p:sldSz cx=\"9144000\" cy=\"6858000\" type=\"screen4x3\"/>"
              + "<p:notesSz cx=\"6858000\" cy=\"9144000\"/></p:presentation>");
      put(
          zip,
          "ppt/_rels/presentation.xml.rels",
          relsOf(
              rel("rId1", "slideMaster", "slideMasters/slideMaster1.xml"),
              rel("rId2", "slide", "slides/slide1.xml"),
              rel("rId3", "theme", "theme/theme1.xml")));
      put(
          zip,
          "ppt/slides/slide1.xml",
          XML
              + "<p:sld xmlns:a=\""
              + A
              + "\" xmlns:r=\""
              + REL
              + "\" xmlns:p=\""
              + P
              + "\"><p:cSld><p:spTree>"
              + groupProperties()
              + textShape(2, "Title 1", "title", title, 457200, 274638, 8229600, 1143000)
              + textShape(
                  3,
                  "Content 2",
                  "body",
                  String.join("\n", body),
                  457200,
                  1600200,
                  8229600,
                  4525963)
              + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>");
      put(
          zip,
          "ppt/slides/_rels/slide1.xml.rels",
          relsOf(rel("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")));
      put(
          zip,
          "ppt/slideLayouts/slideLayout1.xml",
          XML
              + "<p:sldLayout xmlns:a=\""
              + A
              + "\" xmlns:r=\""
              + REL
              + "\" xmlns:p=\""
              + P
              + "\" type=\"obj\" preserve=\"1\"><p:cSld name=\"Title and Content\"><p:spTree>"
              + groupProperties()
              + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>"
              + "</p:sldLayout>");
      put(
          zip,
          "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
          relsOf(rel("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")));
      put(
          zip,
          "ppt/slideMasters/slideMaster1.xml",
          XML
              + "<p:sldMaster xmlns:a=\""
              + A
              + "\" xmlns:r=\""
              + REL
              + "\" xmlns:p=\""
              + P
              + "\"><p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef>"
              + "</p:bg><p:spTree>"
              + groupProperties()
              + "</p:spTree></p:cSld><p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\""
              + " accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" accent4=\"accent4\""
              + " accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>"
              + "<p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/>"
              + "</p:sldLayoutIdLst></p:sldMaster>");
      put(
          zip,
          "ppt/slideMasters/_rels/slideMaster1.xml.rels",
          relsOf(
              rel("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
              rel("rId2", "theme", "../theme/theme1.xml")));
      put(zip, "ppt/theme/theme1.xml", theme());
    }
  }

  private static String groupProperties() {
    return "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>"
        + "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/>"
        + "<a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";
  }

  private static String textShape(
      int id, String name, String placeholder, String text, long x, long y, long cx, long cy) {
    StringBuilder paragraphs = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      paragraphs
          .append("<a:p><a:r><a:rPr lang=\"en-US\" dirty=\"0\"/><a:t>")
          .append(escapeXml(line))
          .append("</a:t></a:r></a:p>");
    }
    return "<p:sp><p:nvSpPr><p:cNvPr id=\""
        + id
        + "\" name=\""
        + name
        + "\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr><p:nvPr><p:ph type=\""
        + placeholder
        + "\"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x=\""
        + x
        + "\" y=\""
        + y
        + "\"/><a:ext cx=\""
        + cx
        + "\" cy=\""
        + cy
        + "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>"
        + "<p:txBody><a:bodyPr/><a:lstStyle/>"
        + paragraphs
        + "</p:txBody></p:sp>";
  }

  private static String theme() {
    StringBuilder colors = new StringBuilder();
    String[][] scheme = {
      {"dk1", "000000"},
      {"lt1", "FFFFFF"},
      {"dk2", "1F497D"},
      {"lt2", "EEECE1"},
      {"accent1", "4F81BD"},
      {"accent2", "C0504D"},
      {"accent3", "9BBB59"},
      {"accent4", "8064A2"},
      {"accent5", "4BACC6"},
      {"accent6", "F79646"},
      {"hlink", "0000FF"},
      {"folHlink", "800080"}
    };
    for (String[] c : scheme) {
      colors.append("<a:").append(c[0]).append("><a:srgbClr val=\"").append(c[1]);
      colors.append("\"/></a:").append(c[0]).append('>');
    }
    String solid = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    String line = "<a:ln w=\"9525\">" + solid + "</a:ln>";
    String font = "<a:latin typeface=\"Calibri\"/><a:ea typeface=\"\"/><a:cs typeface=\"\"/>";
    return XML
        + "<a:theme xmlns:a=\""
        + A
        + "\" name=\"Office Theme\"><a:themeElements><a:clrScheme name=\"Office\">"
        + colors
        + "</a:clrScheme><a:fontScheme name=\"Office\"><a:majorFont>"
        + font
        + "</a:majorFont><a:minorFont>"
        + font
        + "</a:minorFont></a:fontScheme><a:fmtScheme name=\"Office\"><a:fillStyleLst>"
        + solid.repeat(3)
        + "</a:fillStyleLst><a:lnStyleLst>"
        + line.repeat(3)
        + "</a:lnStyleLst><a:effectStyleLst>"
        + "<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3)
        + "</a:effectStyleLst><a:bgFillStyleLst>"
        + solid.repeat(3)
        + "</a:bgFillStyleLst></a:fmtScheme></a:themeElements></a:theme>";
  }

  private static void pdf(List<String> lines, OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder("BT /F1 14 Tf 72 770 Td 18 TL\n");
    for (String line : lines) {
      StringBuilder escaped = new StringBuilder();
      for (char c : line.toCharArray()) {
        if (c == '(' || c == ')' || c == '\\') {
          escaped.append('\\');
        }
        escaped.append(c >= 0x20 && c < 0x7f ? c : '?');
      }
      text.append('(').append(escaped).append(") Tj T*\n");
    }
    text.append("ET\n");
    byte[] content = text.toString().getBytes(StandardCharsets.US_ASCII);
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + content.length + " >>\nstream\n" + text + "endstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
    long[] offsets = new long[objects.length];
    for (int i = 0; i < objects.length; i++) {
      offsets[i] = pdf.length();
      pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
    }
    long xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
    for (long offset : offsets) {
      pdf.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
    }
    pdf.append("trailer\n<< /Size ")
        .append(objects.length + 1)
        .append(" /Root 1 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    out.write(pdf.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static void rtf(List<String> paragraphs, OutputStream out) throws IOException {
    StringBuilder rtf =
        new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n");
    for (String p : paragraphs) {
      for (char c : p.toCharArray()) {
        if (c == '\\' || c == '{' || c == '}') {
          rtf.append('\\').append(c);
        } else if (c < 0x80) {
          rtf.append(c);
        } else {
          rtf.append("\\u").append((int) (short) c).append('?');
        }
      }
      rtf.append("\\par\n");
    }
    rtf.append("}\n");
    out.write(rtf.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private static String rels(String type, String target) {
    return relsOf(rel("rId1", type, target));
  }

  private static String relsOf(String... rels) {
    return XML
        + "<Relationships xmlns=\""
        + PKG_REL
        + "\">"
        + String.join("", rels)
        + "</Relationships>";
  }

  private static String rel(String id, String type, String target) {
    return "<Relationship Id=\""
        + id
        + "\" Type=\""
        + REL
        + "/"
        + type
        + "\" Target=\""
        + target
        + "\"/>";
  }

  private static String override(String part, String type) {
    return "<Override PartName=\"" + part + "\" ContentType=\"" + type + "\"/>";
  }

  private static void put(ZipOutputStream zip, String name, String content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
