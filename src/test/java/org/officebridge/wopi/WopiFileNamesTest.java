package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WopiFileNamesTest {

  @Test
  void replacesCharactersAFileNameCannotHave() {
    assertEquals(Optional.of("a_b_c_d.docx"), WopiFileNames.title("a/b\\c:d", "docx"));
    assertEquals(Optional.of("tab_here.txt"), WopiFileNames.title("tab\there", "txt"));
  }

  @Test
  void replacesBidirectionalControlsAndUnpairedSurrogates() {
    assertEquals(Optional.of("x_cod.exe.docx"), WopiFileNames.title("x\u202Ecod.exe", "docx"));
    assertEquals(Optional.of("a_b.docx"), WopiFileNames.title("a\uD800b", "docx"));
    assertEquals(Optional.of("a\uD83D\uDE00.docx"), WopiFileNames.title("a\uD83D\uDE00", "docx"));
  }

  @Test
  void dropsBlanksAndTrailingDotsAndRefusesWhatIsLeftEmpty() {
    assertEquals(Optional.of("name.docx"), WopiFileNames.title("  name... ", "docx"));
    assertEquals(Optional.empty(), WopiFileNames.title("   ", "docx"));
    assertEquals(Optional.empty(), WopiFileNames.title("///", "docx"));
    assertEquals(Optional.empty(), WopiFileNames.title("", "docx"));
  }

  @Test
  void shortensLongNamesToFitWithTheExtension() {
    String title = WopiFileNames.title("x".repeat(600), "docx").orElseThrow();
    assertEquals(255, title.length());
    assertTrue(title.endsWith(".docx"));
  }

  @Test
  void avoidsReservedDeviceNames() {
    assertEquals(Optional.of("CON_.docx"), WopiFileNames.title("CON", "docx"));
    assertEquals(Optional.of("COM1_.txt.docx"), WopiFileNames.title("COM1.txt", "docx"));
    assertEquals(Optional.of("nul_.tar.gz"), WopiFileNames.fromSuggestion("nul.tar.gz", "Report"));
  }

  @Test
  void aSuggestedExtensionKeepsTheSourceName() {
    assertEquals(Optional.of("Report.pdf"), WopiFileNames.fromSuggestion(".pdf", "Report"));
    assertEquals(Optional.of("Other.odt"), WopiFileNames.fromSuggestion("Other.odt", "Report"));
    assertEquals(Optional.of("a_b.docx"), WopiFileNames.fromSuggestion("a?b.docx", "Report"));
  }

  @Test
  void numberedNamesKeepTheExtensionAndFit() {
    assertEquals(Optional.of("Report (2).docx"), WopiFileNames.numbered("Report.docx", 2));
    String long255 = "x".repeat(250) + ".docx";
    String numbered = WopiFileNames.numbered(long255, 12).orElseThrow();
    assertEquals(255, numbered.length());
    assertTrue(numbered.endsWith(" (12).docx"), numbered);
  }
}
