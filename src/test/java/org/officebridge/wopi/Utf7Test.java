package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf7Test {

  @Test
  void decodesTheExamplesOfRfc2152() {
    assertEquals("Hi Mom -\u263a-!", Utf7.decode("Hi Mom -+Jjo--!"));
    assertEquals("\u65e5\u672c\u8a9e", Utf7.decode("+ZeVnLIqe-"));
    assertEquals("A\u2262\u0391.", Utf7.decode("A+ImIDkQ."));
    assertEquals("Item 3 is \u00a31.", Utf7.decode("Item 3 is +AKM-1."));
  }

  @Test
  void plusMinusIsALiteralPlus() {
    assertEquals("a+b.docx", Utf7.decode("a+-b.docx"));
    assertEquals("a+b.docx", Utf7.decode(Utf7.encode("a+b.docx")));
  }

  @Test
  void plainAsciiNamesPassThrough() {
    assertEquals("Report 2026 (final).docx", Utf7.decode("Report 2026 (final).docx"));
    assertEquals(".docx", Utf7.decode(".docx"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Bericht für Müller.docx",
        "\u65e5\u672c\u8a9e \u0442\u0435\u0441\u0442.xlsx",
        "emoji \ud83d\ude00 name.pptx",
        "a~b\\c+d-e.txt",
        "++--++",
        ""
      })
  void encodingThenDecodingGivesBackTheText(String text) {
    String encoded = Utf7.encode(text);
    assertTrue(encoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f), encoded);
    assertEquals(text, Utf7.decode(encoded));
  }

  @Test
  void encodesNonAsciiAsBase64RunsEndedByMinus() {
    assertEquals("Bericht f+APw-r.docx", Utf7.encode("Bericht für.docx"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+", // a lone plus
        "+A-", // 6 bits: not even one character
        "+AKN-", // the last bits are not zero
        "+2D0-", // an unpaired high surrogate
        "+3gA-", // an unpaired low surrogate
        "caf\u00e9" // not 7-bit
      })
  void refusesMalformedInput(String text) {
    assertThrows(IllegalArgumentException.class, () -> Utf7.decode(text));
  }
}
