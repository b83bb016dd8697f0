package org.officebridge.standin.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf7Test {

  @Test
  void encodesTheRfc2152Examples() {
    assertEquals("Hi Mom -+Jjo--!", Utf7.encode("Hi Mom -\u263A-!"));
    assertEquals("+ZeVnLIqe-", Utf7.encode("\u65E5\u672C\u8A9E"));
    assertEquals("A+ImIDkQ.", Utf7.encode("A\u2262\u0391.").replace("-.", "."));
  }

  @Test
  void decodesTheRfc2152Examples() {
    assertEquals("Hi Mom -\u263A-!", Utf7.decode("Hi Mom -+Jjo--!"));
    assertEquals("\u65E5\u672C\u8A9E", Utf7.decode("+ZeVnLIqe-"));
    assertEquals("\u65E5\u672C\u8A9E", Utf7.decode("+ZeVnLIqe"));
    assertEquals("A\u2262\u0391.", Utf7.decode("A+ImIDkQ."));
    assertEquals("Item 3 is \u00A31.", Utf7.decode("Item 3 is +AKM-1."));
  }

  @Test
  void plusSignIsEscaped() {
    assertEquals("1 +- 1", Utf7.encode("1 + 1"));
    assertEquals("1 + 1", Utf7.decode("1 +- 1"));
  }

  @Test
  void fileNamesRoundTrip() {
    for (String name :
        new String[] {
          "Report.docx",
          ".docx",
          "Résumé final (v2).docx",
          "日本語 ファイル.xlsx",
          "a~b\\c.txt",
          "emoji \uD83D\uDE00.pptx",
          "100% sure; yes!.pdf",
          "+plus+.docx"
        }) {
      String encoded = Utf7.encode(name);
      assertTrue(encoded.chars().allMatch(c -> c < 128), encoded);
      assertEquals(name, Utf7.decode(encoded));
    }
  }

  @Test
  void randomTextRoundTrips() {
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(20); j > 0; j--) {
        b.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0xD7FF)));
      }
      assertEquals(b.toString(), Utf7.decode(Utf7.encode(b.toString())));
    }
  }

  @Test
  void rejectsATruncatedBase64Run() {
    assertThrows(IllegalArgumentException.class, () -> Utf7.decode("+Jj-"));
  }
}
