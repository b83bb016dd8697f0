package org.officebridge.wopi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the UTF-7 decoder of the WOPI name headers: any header text decodes to well-formed UTF-16
 * or is refused with {@link IllegalArgumentException} (a 400), and encoding any text gives
 * printable ASCII that decodes back to the same text.
 */
class Utf7FuzzTest {

  @FuzzTest(maxDuration = "10s")
  void decodesOrRefusesAndRoundTrips(FuzzedDataProvider data) {
    boolean encodeFirst = data.consumeBoolean();
    String text = data.consumeRemainingAsString();
    if (encodeFirst) {
      String encoded = Utf7.encode(text);
      if (!encoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
        throw new AssertionError("encoded text is not printable ASCII: " + encoded);
      }
      if (isWellFormed(text) && !Utf7.decode(encoded).equals(text)) {
        throw new AssertionError("no round trip for " + text);
      }
      return;
    }
    String decoded;
    try {
      decoded = Utf7.decode(text);
    } catch (IllegalArgumentException e) {
      return;
    }
    if (!isWellFormed(decoded)) {
      throw new AssertionError("decoded text has an unpaired surrogate");
    }
  }

  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
