package org.officebridge.standin.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.officebridge.formats.OfficeDocuments;

/** Writes the markup-based formats: HTML, FictionBook 2 and EPUB 3. */
final class Markup {

  private Markup() {}

  static String html(String title, List<String> lines) {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">");
    b.append("<title>").append(OfficeDocuments.escapeXml(title)).append("</title></head><body>\n");
    paragraphs(b, lines);
    return b.append("</body></html>\n").toString();
  }

  static String fb2(String title, List<String> lines) {
    StringBuilder b =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<FictionBook xmlns=\"http://www.gribuser.ru/xml/fictionbook/2.0\">")
            .append("<description><title-info><genre>other</genre><author><nickname>stand-in")
            .append("</nickname></author><book-title>")
            .append(OfficeDocuments.escapeXml(title))
            .append("</book-title><lang>en</lang></title-info></description><body><section>\n");
    paragraphs(b, lines);
    return b.append("</section></body></FictionBook>\n").toString();
  }

  static void epub(String title, List<String> lines, OutputStream out) throws IOException {
    String t = OfficeDocuments.escapeXml(title);
    StringBuilder body = new StringBuilder();
    paragraphs(body, lines);
    String xhtmlHead =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""
            + " xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>"
            + t
            + "</title></head><body>";
    try (ZipOutputStream zip = new ZipOutputStream(NonClosing.wrap(out))) {
      byte[] mimetype = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mimetype);
      zip.closeEntry();
      put(
          zip,
          "META-INF/container.xml",
          "<?xml version=\"1.0\"?>\n<container version=\"1.0\""
              + " xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles>"
              + "<rootfile full-path=\"OEBPS/content.opf\""
              + " media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
      put(
          zip,
          "OEBPS/content.opf",
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\""
              + " version=\"3.0\" unique-identifier=\"id\"><metadata"
              + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:identifier id=\"id\">"
              + "urn:officebridge:standin</dc:identifier><dc:title>"
              + t
              + "</dc:title><dc:language>en</dc:language><meta property=\"dcterms:modified\">"
              + "2000-01-01T00:00:00Z</meta></metadata><manifest><item id=\"nav\" href=\"nav.xhtml\""
              + " media-type=\"application/xhtml+xml\" properties=\"nav\"/><item id=\"c1\""
              + " href=\"content.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
              + "<spine><itemref idref=\"c1\"/></spine></package>");
      put(
          zip,
          "OEBPS/nav.xhtml",
          xhtmlHead
              + "<nav epub:type=\"toc\"><ol><li><a href=\"content.xhtml\">"
              + t
              + "</a></li></ol></nav></body></html>");
      put(zip, "OEBPS/content.xhtml", xhtmlHead + body + "</body></html>");
    }
  }

  private static void paragraphs(StringBuilder b, List<String> lines) {
    for (String line : lines) {
      b.append("<p>").append(OfficeDocuments.escapeXml(line)).append("</p>\n");
    }
  }

  static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
