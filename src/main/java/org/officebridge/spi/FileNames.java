package org.officebridge.spi;

import java.util.Locale;
import java.util.Set;

/**
 * The file-name rules every host and the connector share: what a valid document title is, and how
 * to split it into base name and extension.
 */
public final class FileNames {

  /** Longest accepted title, extension included. */
  public static final int MAX_LENGTH = 255;

  private static final Set<String> RESERVED =
      Set.of(
          "CON",
          "PRN",
          "AUX",
          "NUL",
          "COM1",
          "COM2",
          "COM3",
          "COM4",
          "COM5",
          "COM6",
          "COM7",
          "COM8",
          "COM9",
          "COM\u00b9",
          "COM\u00b2",
          "COM\u00b3",
          "LPT1",
          "LPT2",
          "LPT3",
          "LPT4",
          "LPT5",
          "LPT6",
          "LPT7",
          "LPT8",
          "LPT9",
          "LPT\u00b9",
          "LPT\u00b2",
          "LPT\u00b3",
          "CONIN$",
          "CONOUT$");

  private FileNames() {}

  /**
   * A valid title is 1-255 characters, has no control character, no bidirectional-text control
   * (U+202E before {@code xcod.exe} makes it read as {@code exe.docx}), no unpaired surrogate and
   * none of {@code / \ : * ? " < > |}, does not start or end with a space or end with a dot, and is
   * not a reserved device name such as {@code CON} or {@code LPT1}, also with one or more
   * extensions ({@code NUL.tar.gz} is {@code NUL} on Windows).
   *
   * @param title a candidate title, possibly {@code null}
   * @return whether it is valid
   */
  public static boolean isValid(String title) {
    if (title == null || title.isEmpty() || title.length() > MAX_LENGTH) {
      return false;
    }
    if (title.startsWith(" ") || title.endsWith(" ") || title.endsWith(".")) {
      return false;
    }
    for (int i = 0; i < title.length(); i++) {
      char c = title.charAt(i);
      if (c < 0x20 || c == 0x7f || "/\\:*?\"<>|".indexOf(c) >= 0 || isBidiControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < title.length()
          && Character.isLowSurrogate(title.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    if (title.equals(".") || title.equals("..")) {
      return false;
    }
    int dot = title.indexOf('.');
    String device = (dot < 0 ? title : title.substring(0, dot)).stripTrailing();
    return !RESERVED.contains(device.toUpperCase(Locale.ROOT));
  }

  /** The invisible marks and embeddings that reorder how a name is displayed. */
  private static boolean isBidiControl(char c) {
    return c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }

  /**
   * @param title a file name
   * @return the lower-case extension without the dot, or an empty string when there is none
   */
  public static String extension(String title) {
    int dot = title.lastIndexOf('.');
    return dot <= 0 ? "" : title.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  /**
   * @param title a file name
   * @return the name without its extension
   */
  public static String baseName(String title) {
    int dot = title.lastIndexOf('.');
    return dot <= 0 ? title : title.substring(0, dot);
  }
}
