package org.officebridge.wopi;

import java.util.Optional;
import org.officebridge.spi.FileNames;

/**
 * Turns the names WOPI clients ask for into titles the DMS accepts ({@link FileNames}): characters
 * a file name cannot have (bidirectional controls and unpaired surrogates included) become {@code
 * _}, leading and trailing blanks and trailing dots go, and the base name is shortened so that the
 * title with its extension fits.
 */
final class WopiFileNames {

  private WopiFileNames() {}

  /**
   * @param base a requested base name (no extension), possibly hostile
   * @param ext the extension to keep, without the dot, possibly empty
   * @return a valid title, or empty when nothing usable is left of the name
   */
  static Optional<String> title(String base, String ext) {
    StringBuilder b = new StringBuilder(base.length());
    base.codePoints()
        .forEach(cp -> b.append(isAllowed(cp) ? new String(Character.toChars(cp)) : "_"));
    String clean = b.toString().strip();
    while (clean.endsWith(".")) {
      clean = clean.substring(0, clean.length() - 1).strip();
    }
    int max = FileNames.MAX_LENGTH - (ext.isEmpty() ? 0 : ext.length() + 1);
    if (clean.length() > max) {
      clean = clean.substring(0, max).strip();
    }
    if (clean.isEmpty() || clean.chars().allMatch(c -> c == '_' || c == '.')) {
      return Optional.empty();
    }
    String title = ext.isEmpty() ? clean : clean + "." + ext;
    if (!FileNames.isValid(title) && clean.length() < max) {
      // a reserved device name (CON, NUL.tar ...): mark the part Windows reads as the device
      int dot = clean.indexOf('.');
      String marked = dot < 0 ? clean + "_" : clean.substring(0, dot) + "_" + clean.substring(dot);
      title = ext.isEmpty() ? marked : marked + "." + ext;
    }
    return FileNames.isValid(title) ? Optional.of(title) : Optional.empty();
  }

  /** Whether a character may stay in a name, by the one rule every title follows. */
  private static boolean isAllowed(int codePoint) {
    return FileNames.isValid("a" + new String(Character.toChars(codePoint)) + "a");
  }

  /**
   * @param suggestion {@code X-WOPI-SuggestedTarget}, decoded: an extension ({@code .docx}) to use
   *     with the source's name, or a full name
   * @param sourceBaseName the source file's name without extension
   * @return a valid title, or empty when none can be made
   */
  static Optional<String> fromSuggestion(String suggestion, String sourceBaseName) {
    String full = suggestion.startsWith(".") ? sourceBaseName + suggestion : suggestion;
    String ext = FileNames.extension(full);
    if (!ext.matches("[a-z0-9]{1,10}")) {
      return title(full, "");
    }
    return title(FileNames.baseName(full), ext);
  }

  /**
   * @param title a valid title
   * @param n a number from 2
   * @return {@code base (n).ext}, shortened to fit
   */
  static Optional<String> numbered(String title, int n) {
    String ext = FileNames.extension(title);
    String suffix = " (" + n + ")";
    String base = FileNames.baseName(title);
    int max = FileNames.MAX_LENGTH - suffix.length() - (ext.isEmpty() ? 0 : ext.length() + 1);
    if (base.length() > max) {
      base = base.substring(0, max).strip();
    }
    return title(base + suffix, ext);
  }
}
