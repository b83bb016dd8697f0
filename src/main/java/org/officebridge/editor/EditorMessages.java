package org.officebridge.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The connector's own texts on editor pages (errors, dialogs), in English, German, French, Spanish
 * and Russian ({@code messages*.properties} beside this class), chosen from the user's locale with
 * English as the fallback.
 */
final class EditorMessages {

  /** The languages the connector speaks. */
  static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "ru");

  private final ResourceBundle bundle;

  private EditorMessages(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /**
   * @param locale the user's locale
   * @return the texts in the user's language, or English
   */
  static EditorMessages forLocale(Locale locale) {
    String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    return new EditorMessages(
        ResourceBundle.getBundle(
            "org.officebridge.editor.messages",
            Locale.forLanguageTag(language),
            EditorMessages.class.getClassLoader(),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /**
   * @param key a text's key
   * @return the text, or the key itself when it is missing
   */
  String text(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /**
   * @return every text, for the page's script
   */
  Map<String, String> all() {
    Map<String, String> out = new HashMap<>();
    for (String key : bundle.keySet()) {
      out.put(key, bundle.getString(key));
    }
    return out;
  }

  /**
   * @return the language of these texts
   */
  String language() {
    String l = bundle.getLocale().getLanguage();
    return l.isEmpty() ? "en" : l;
  }
}
