package org.officebridge.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentFormatsTest {

  @Test
  void ooxmlIsEditedNativelyInItsEditor() {
    DocumentFormat docx = DocumentFormats.of("docx").orElseThrow();
    assertEquals(Optional.of(DocumentType.WORD), docx.type());
    assertTrue(docx.isEditable());
    assertFalse(docx.needsConversionToEdit());
    assertEquals(Optional.of(DocumentType.CELL), DocumentFormats.of("XLSX").orElseThrow().type());
    assertEquals(Optional.of(DocumentType.SLIDE), DocumentFormats.of(".pptx").orElseThrow().type());
  }

  @Test
  void legacyBinaryFormatsAreViewOnlyUntilConvertedToOoxml() {
    for (String legacy : new String[] {"doc", "xls", "ppt"}) {
      DocumentFormat f = DocumentFormats.of(legacy).orElseThrow();
      assertFalse(f.isEditable(), legacy);
      assertTrue(f.needsConversionToEdit(), legacy);
      assertTrue(f.convertsTo(f.type().orElseThrow().nativeType()), legacy);
    }
  }

  @Test
  void lossyFormatsAreEditableAndPdfIsFillable() {
    assertTrue(DocumentFormats.of("odt").orElseThrow().isEditable());
    assertTrue(DocumentFormats.of("csv").orElseThrow().isEditable());
    DocumentFormat pdf = DocumentFormats.of("pdf").orElseThrow();
    assertTrue(pdf.isEditable());
    assertTrue(pdf.isFillable());
    assertFalse(DocumentFormats.of("docx").orElseThrow().isFillable());
  }

  @Test
  void diagramsAndXpsAreViewOnlyWithoutConversion() {
    DocumentFormat vsdx = DocumentFormats.of("vsdx").orElseThrow();
    assertEquals(Optional.of(DocumentType.DIAGRAM), vsdx.type());
    assertFalse(vsdx.isEditable());
    assertFalse(vsdx.needsConversionToEdit());
    assertFalse(DocumentFormats.of("xps").orElseThrow().isEditable());
  }

  @Test
  void imagesHaveNoEditorAndUnknownExtensionsAreAbsent() {
    assertEquals(Optional.empty(), DocumentFormats.of("png").orElseThrow().type());
    assertTrue(DocumentFormats.of("exe").isEmpty());
    assertTrue(DocumentFormats.of(null).isEmpty());
    assertTrue(DocumentFormats.extensionsOf(DocumentType.CELL).contains("xlsx"));
    assertFalse(DocumentFormats.extensionsOf(DocumentType.CELL).contains("docx"));
  }
}
