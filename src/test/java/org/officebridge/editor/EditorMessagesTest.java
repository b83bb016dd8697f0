package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class EditorMessagesTest {

  @Test
  void everyLanguageHasEveryEnglishText() {
    var english = EditorMessages.forLocale(Locale.ENGLISH).all().keySet();
    for (String language : EditorMessages.LANGUAGES) {
      EditorMessages m = EditorMessages.forLocale(Locale.forLanguageTag(language));
      assertEquals(language, m.language());
      assertEquals(english, m.all().keySet(), language);
      if (!language.equals("en")) {
        assertNotEquals(
            EditorMessages.forLocale(Locale.ENGLISH).text("error.notFound"),
            m.text("error.notFound"),
            language + " is not translated");
      }
    }
  }

  @Test
  void otherLanguagesFallBackToEnglish() {
    assertEquals("en", EditorMessages.forLocale(Locale.JAPANESE).language());
    assertEquals("de", EditorMessages.forLocale(Locale.forLanguageTag("de-AT")).language());
  }
}
