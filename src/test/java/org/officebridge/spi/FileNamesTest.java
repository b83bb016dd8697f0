package org.officebridge.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one title rule hosts and the connector share. */
class FileNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Report.docx",
        "Q3 (final).xlsx",
        "a.b.c.pptx",
        "Zürich – Plan.docx",
        "emoji \uD83D\uDE00.docx",
        "CONTRACT.docx",
        "console.docx",
        "name..docx"
      })
  void acceptsOrdinaryTitles(String title) {
    assertTrue(FileNames.isValid(title), title);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CON",
        "con.docx",
        "NUL.tar.gz",
        "COM1.txt.docx",
        "LPT9 .docx",
        "COM\u00b9.docx",
        "CONIN$.docx",
        "conout$"
      })
  void refusesReservedDeviceNamesWithAnyExtension(String title) {
    assertFalse(FileNames.isValid(title), title);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x\u202Excod.exe.docx",
        "\u202Dname.docx",
        "a\u2066b.docx",
        "a\u200Fb.docx",
        "a\u061Cb.docx"
      })
  void refusesBidirectionalControlsThatDisguiseAnExtension(String title) {
    assertFalse(FileNames.isValid(title), title);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\uD800.docx", "a\uDC00.docx", "a\uD800", "\uDE00\uD83D.docx"})
  void refusesUnpairedSurrogates(String title) {
    assertFalse(FileNames.isValid(title), title);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " name.docx",
        "name.docx ",
        "name.",
        ".",
        "..",
        "a/b.docx",
        "a\\b.docx",
        "a:b.docx",
        "a*b.docx",
        "a?b.docx",
        "a\"b.docx",
        "a<b>.docx",
        "a|b.docx",
        "a\u0000b.docx",
        "a\r\nb.docx",
        "a\u007fb.docx"
      })
  void refusesWhatNoFileSystemTakes(String title) {
    assertFalse(FileNames.isValid(title), title);
  }

  @org.junit.jupiter.api.Test
  void refusesNullAndOverlongTitles() {
    assertFalse(FileNames.isValid(null));
    assertFalse(FileNames.isValid("a".repeat(251) + ".docx"));
    assertTrue(FileNames.isValid("a".repeat(250) + ".docx"));
  }
}
