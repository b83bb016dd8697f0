package org.officebridge.standin.office;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Pulls the text out of a document, as lines (paragraphs, rows with tab-separated cells, slide
 * lines), for the formats where that is easy; for the others it produces a deterministic
 * description of the source (title line plus the source's SHA-256), so conversions stay
 * reproducible.
 */
public final class TextExtractor {

  private static final Pattern W_T = Pattern.compile("<w:t(?:\\s[^>]*)?>([^<]*)</w:t>");
  private static final Pattern A_T = Pattern.compile("<a:t(?:\\s[^>]*)?>([^<]*)</a:t>");
  private static final Pattern ANY_TEXT = Pattern.compile(">([^<]+)<");
  private static final Pattern ROW = Pattern.compile("<row[^>]*>(.*?)</row>", Pattern.DOTALL);
  private static final Pattern CELL =
      Pattern.compile("<c\\s([^>]*?)(?:/>|>(.*?)</c>)", Pattern.DOTALL);
  private static final Pattern SI = Pattern.compile("<si>(.*?)</si>", Pattern.DOTALL);
  private static final Pattern T = Pattern.compile("<t(?:\\s[^>]*)?>([^<]*)</t>");
  private static final Pattern V = Pattern.compile("<v>([^<]*)</v>");
  private static final Pattern SLIDE = Pattern.compile("ppt/slides/slide(\\d+)\\.xml");
  private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml");
  private static final long MAX_TEXT_SOURCE = 16L * 1024 * 1024;

  private TextExtractor() {}

  /**
   * @param file the document
   * @param fileType its extension
   * @return its text as lines
   * @throws IOException when it cannot be read
   */
  public static List<String> lines(Path file, String fileType) throws IOException {
    String t = fileType.toLowerCase(Locale.ROOT);
    try {
      List<String> lines =
          switch (OfficeFamily.of(t)) {
            case WORDPROCESSING -> docx(file);
            case SPREADSHEET -> xlsx(file);
            case PRESENTATION -> pptx(file);
            case OTHER -> other(file, t);
          };
      return lines == null ? fallback(file, t) : lines;
    } catch (IOException | RuntimeException e) {
      return fallback(file, t);
    }
  }

  private static List<String> other(Path file, String t) throws IOException {
    return switch (t) {
      case "txt", "md" -> text(file);
      case "csv" -> text(file).stream().map(TextExtractor::csvRow).toList();
      case "tsv" -> text(file);
      case "rtf" -> Rtf.text(read(file));
      case "pdf" -> pdf(file);
      case "html", "htm" -> html(read(file));
      case "odt", "ott", "odp", "otp", "ods", "ots" -> odf(file, t);
      case "fb2" -> XmlText.blocks(read(file), "</p>", Pattern.compile("<p[^>]*>([^<]*)"), false);
      case "epub" -> epub(file);
      default -> null;
    };
  }

  private static List<String> docx(Path file) throws IOException {
    String xml = ZipRewrite.readEntry(file, "word/document.xml");
    return xml == null
        ? null
        : XmlText.blocks(xml.replace("<w:tab/>", "<w:t>\t</w:t>"), "</w:p>", W_T, false);
  }

  private static List<String> xlsx(Path file) throws IOException {
    String sheetName =
        ZipRewrite.entryNames(file).stream()
            .filter(n -> SHEET.matcher(n).matches())
            .sorted()
            .findFirst()
            .orElse(null);
    if (sheetName == null) {
      return null;
    }
    String shared = ZipRewrite.readEntry(file, "xl/sharedStrings.xml");
    List<String> strings = new ArrayList<>();
    if (shared != null) {
      Matcher m = SI.matcher(shared);
      while (m.find()) {
        StringBuilder b = new StringBuilder();
        Matcher t = T.matcher(m.group(1));
        while (t.find()) {
          b.append(XmlText.unescape(t.group(1)));
        }
        strings.add(b.toString());
      }
    }
    List<String> rows = new ArrayList<>();
    Matcher row = ROW.matcher(ZipRewrite.readEntry(file, sheetName));
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher c = CELL.matcher(row.group(1));
      while (c.find()) {
        cells.add(cellText(c.group(1), c.group(2) == null ? "" : c.group(2), strings));
      }
      rows.add(String.join("\t", cells));
    }
    return rows;
  }

  private static String cellText(String attrs, String body, List<String> shared) {
    Matcher v = V.matcher(body);
    String value = v.find() ? XmlText.unescape(v.group(1)) : "";
    if (attrs.contains("t=\"s\"") && value.matches("\\d+")) {
      int i = Integer.parseInt(value);
      return i < shared.size() ? shared.get(i) : "";
    }
    if (attrs.contains("t=\"inlineStr\"")) {
      StringBuilder b = new StringBuilder();
      Matcher t = T.matcher(body);
      while (t.find()) {
        b.append(XmlText.unescape(t.group(1)));
      }
      return b.toString();
    }
    return value;
  }

  private static List<String> pptx(Path file) throws IOException {
    List<String> slides =
        ZipRewrite.entryNames(file).stream()
            .filter(n -> SLIDE.matcher(n).matches())
            .sorted((a, b) -> Integer.compare(slideNumber(a), slideNumber(b)))
            .toList();
    if (slides.isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    for (String s : slides) {
      lines.addAll(XmlText.blocks(ZipRewrite.readEntry(file, s), "</a:p>", A_T, false));
    }
    return lines;
  }

  static int slideNumber(String entry) {
    Matcher m = SLIDE.matcher(entry);
    return m.matches() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static List<String> text(Path file) throws IOException {
    String s = read(file);
    if (s.startsWith("\uFEFF")) {
      s = s.substring(1);
    }
    List<String> lines = new ArrayList<>(List.of(s.split("\r?\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  private static String csvRow(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return String.join("\t", cells);
  }

  private static List<String> html(String html) {
    String body = html.replaceAll("(?is)<(script|style|title)[^>]*>.*?</\\1>", "");
    body = body.replaceAll("(?i)<br\\s*/?>|</p>|</h\\d>|</li>|</tr>|</div>", "\n");
    body = XmlText.unescape(body.replaceAll("<[^>]*>", ""));
    return body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static List<String> odf(Path file, String t) throws IOException {
    String xml = ZipRewrite.readEntry(file, "content.xml");
    if (xml == null) {
      return null;
    }
    if (t.equals("ods") || t.equals("ots")) {
      List<String> rows = new ArrayList<>();
      for (String row : xml.split("</table:table-row>")) {
        if (!row.contains("<table:table-row")) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (String cell : row.split("</table:table-cell>")) {
          if (cell.contains("<table:table-cell")) {
            cells.add(String.join(" ", XmlText.blocks(cell, "</text:p>", ANY_TEXT, false)).strip());
          }
        }
        rows.add(String.join("\t", cells));
      }
      return rows;
    }
    return XmlText.blocks(xml, "</text:p>", Pattern.compile("<text:p[^>]*>([^<]*)"), false);
  }

  private static List<String> epub(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String name : ZipRewrite.entryNames(file)) {
      if (name.endsWith(".xhtml") && !name.endsWith("nav.xhtml")) {
        lines.addAll(html(ZipRewrite.readEntry(file, name)));
      }
    }
    return lines;
  }

  private static List<String> pdf(Path file) throws IOException {
    byte[] data = readBytes(file);
    String raw = new String(data, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>();
    Matcher stream = Pattern.compile("stream\r?\n").matcher(raw);
    int from = 0;
    while (stream.find(from)) {
      int start = stream.end();
      int end = raw.indexOf("endstream", start);
      if (end < 0) {
        break;
      }
      String dict =
          raw.substring(Math.max(0, raw.lastIndexOf("<<", stream.start())), stream.start());
      String content = raw.substring(start, end);
      if (dict.contains("/FlateDecode")) {
        content = inflate(data, start, end - start);
      }
      lines.addAll(PdfText.lines(content));
      from = end;
    }
    return lines;
  }

  private static String inflate(byte[] data, int offset, int length) {
    Inflater inf = new Inflater();
    inf.setInput(data, offset, length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      while (!inf.finished() && out.size() < MAX_TEXT_SOURCE) {
        int n = inf.inflate(buf);
        if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
          break;
        }
        out.write(buf, 0, n);
      }
    } catch (DataFormatException e) {
      return "";
    } finally {
      inf.end();
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static List<String> fallback(Path file, String t) throws IOException {
    String hash;
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[8192];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        sha.update(buf, 0, n);
      }
      hash = HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return List.of(
        "Converted by the ONLYOFFICE Docs stand-in from ." + t,
        "The stand-in does not read ." + t + " content; source SHA-256: " + hash);
  }

  private static String read(Path file) throws IOException {
    return new String(readBytes(file), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(Path file) throws IOException {
    if (Files.size(file) > MAX_TEXT_SOURCE) {
      throw new IOException("too large to read as text");
    }
    return Files.readAllBytes(file);
  }
}
