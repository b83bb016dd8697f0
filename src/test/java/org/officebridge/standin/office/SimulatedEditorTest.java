package org.officebridge.standin.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.formats.FormatTable;

class SimulatedEditorTest {

  private final SimulatedEditor editor = new SimulatedEditor(FormatTable.load());

  private static Map<String, String> xmlParts(Path zip) throws Exception {
    Map<String, String> parts = new TreeMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
          DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
          f.setNamespaceAware(true);
          f.newDocumentBuilder()
              .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
          parts.put(e.getName(), text);
        }
      }
    }
    return parts;
  }

  private Path edit(Path dir, String type, List<String> lines, String line) throws Exception {
    Path source = dir.resolve("source." + type);
    try (OutputStream out = Files.newOutputStream(source)) {
      OfficeDocuments.write(type, lines, out);
    }
    Path target = dir.resolve("edited." + type);
    editor.edit(source, type, "Title", line, dir.resolve("scratch"), target);
    return target;
  }

  @ParameterizedTest
  @ValueSource(strings = {"docx", "xlsx", "pptx"})
  void ooxmlEditIsAValidPackageThatStillParsesAndContainsTheNewText(String type, @TempDir Path dir)
      throws Exception {
    String line = "Edited by Zoë <&> at 12:00 - change #1";
    Path edited = edit(dir, type, List.of("First", "Second"), line);
    Map<String, String> parts = xmlParts(edited);
    String escaped = "Edited by Zoë &lt;&amp;&gt; at 12:00 - change #1";
    String part =
        switch (type) {
          case "docx" -> "word/document.xml";
          case "xlsx" -> "xl/worksheets/sheet1.xml";
          default -> "ppt/slides/slide1.xml";
        };
    assertTrue(parts.get(part).contains(escaped), parts.get(part));
    List<String> text = TextExtractor.lines(edited, type);
    assertTrue(text.contains(line), text::toString);
    assertTrue(text.stream().anyMatch(t -> t.contains("First")), "old content kept");
    assertEquals(xmlParts(dir.resolve("source." + type)).keySet(), parts.keySet());
  }

  @Test
  void docxParagraphGoesBeforeTheBodySectionProperties(@TempDir Path dir) throws Exception {
    String xml = xmlParts(edit(dir, "docx", List.of("A"), "NEW")).get("word/document.xml");
    assertTrue(xml.indexOf("NEW") < xml.lastIndexOf("<w:sectPr"), xml);
  }

  @Test
  void xlsxRowIsAddedBelowTheData(@TempDir Path dir) throws Exception {
    String xml =
        xmlParts(edit(dir, "xlsx", List.of("a\tb", "c\td"), "NEW")).get("xl/worksheets/sheet1.xml");
    assertTrue(xml.contains("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\">"), xml);
  }

  @Test
  void twoEditsGiveTwoDistinctVersions(@TempDir Path dir) throws Exception {
    Path once = edit(dir, "pptx", List.of("Slide"), "one");
    Path twice = dir.resolve("twice.pptx");
    editor.edit(once, "pptx", "T", "two", dir.resolve("s2"), twice);
    List<String> text = TextExtractor.lines(twice, "pptx");
    assertTrue(text.containsAll(List.of("one", "two")), text::toString);
    assertTrue(xmlParts(twice).get("ppt/slides/slide1.xml").contains("name=\"Stand-in edit 5\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pdf", "txt", "csv", "rtf"})
  void otherTypesGetADeterministicAppendedLine(String type, @TempDir Path dir) throws Exception {
    Path edited = edit(dir, type, List.of("Alpha", "Beta"), "Gamma line");
    List<String> text = TextExtractor.lines(edited, type);
    assertEquals("Gamma line", text.get(text.size() - 1), text::toString);
    assertTrue(text.contains("Alpha"));
    if (type.equals("pdf")) {
      assertTrue(
          new String(Files.readAllBytes(edited), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
    }
  }

  @Test
  void workingTypesFollowTheDocumentServer() {
    assertEquals("docx", editor.workingType("doc"));
    assertEquals("xlsx", editor.workingType("xls"));
    assertEquals("pptx", editor.workingType("ppt"));
    assertEquals("odt", editor.workingType("odt"));
    assertEquals("csv", editor.workingType("csv"));
    assertEquals("docm", editor.workingType("docm"));
    assertEquals("pdf", editor.workingType("pdf"));
    assertEquals("docx", editor.workingType("md"));
  }
}
