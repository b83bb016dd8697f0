package org.officebridge.standin.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Docs API {@code documentType} values and their WOPI discovery app names. */
public enum DocumentType {
  /** Text documents. */
  WORD("word", "Word", "docx"),
  /** Spreadsheets. */
  CELL("cell", "Excel", "xlsx"),
  /** Presentations. */
  SLIDE("slide", "PowerPoint", "pptx"),
  /** PDF and other fixed-layout formats. */
  PDF("pdf", "Pdf", "pdf"),
  /** Visio diagrams (view only). */
  DIAGRAM("diagram", "Visio", "vsdx");

  private final String code;
  private final String wopiApp;
  private final String ooxml;

  DocumentType(String code, String wopiApp, String ooxml) {
    this.code = code;
    this.wopiApp = wopiApp;
    this.ooxml = ooxml;
  }

  /**
   * @return the Docs API value
   */
  public String code() {
    return code;
  }

  /**
   * @return the WOPI discovery app name
   */
  public String wopiApp() {
    return wopiApp;
  }

  /**
   * @return the native (OOXML) format of this type: what legacy formats are saved as
   */
  public String ooxml() {
    return ooxml;
  }

  /**
   * Reads a {@code documentType}, including the values deprecated since 6.1.
   *
   * @param code a Docs API value
   * @return the type, when known
   */
  public static Optional<DocumentType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.toLowerCase(Locale.ROOT);
    return switch (c) {
      case "text" -> Optional.of(WORD);
      case "spreadsheet" -> Optional.of(CELL);
      case "presentation" -> Optional.of(SLIDE);
      default -> Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
    };
  }
}
