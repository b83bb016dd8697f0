package org.officebridge.formats;

import java.util.Optional;

/** ONLYOFFICE's {@code documentType}: which editor opens a format. */
public enum DocumentType {
  /** Text documents. */
  WORD("word", "docx"),
  /** Spreadsheets. */
  CELL("cell", "xlsx"),
  /** Presentations. */
  SLIDE("slide", "pptx"),
  /** PDF and other fixed-layout documents. */
  PDF("pdf", "pdf"),
  /** Visio diagrams (view only). */
  DIAGRAM("diagram", "vsdx");

  private final String code;
  private final String nativeType;

  DocumentType(String code, String nativeType) {
    this.code = code;
    this.nativeType = nativeType;
  }

  /**
   * @return the wire value of {@code documentType}
   */
  public String code() {
    return code;
  }

  /**
   * @return the editor's native format, into which other formats of this type are converted and in
   *     which new documents of this type are created
   */
  public String nativeType() {
    return nativeType;
  }

  /**
   * @param code a wire value, possibly {@code null}
   * @return the type, or empty for an unknown value
   */
  public static Optional<DocumentType> fromCode(String code) {
    for (DocumentType t : values()) {
      if (t.code.equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
