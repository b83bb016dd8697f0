package org.officebridge.standin.office;

import java.util.Locale;

/** Which OOXML package shape a file type has, if any. */
public enum OfficeFamily {
  /** docx, docm, dotx, dotm. */
  WORDPROCESSING("docx"),
  /** xlsx, xlsm, xltx, xltm. */
  SPREADSHEET("xlsx"),
  /** pptx, pptm, potx, potm, ppsx, ppsm. */
  PRESENTATION("pptx"),
  /** Anything else. */
  OTHER("");

  private final String base;

  OfficeFamily(String base) {
    this.base = base;
  }

  /**
   * @return the plain OOXML type of the family (docx, xlsx, pptx), or "" for OTHER
   */
  public String base() {
    return base;
  }

  /**
   * @param fileType an extension
   * @return its family
   */
  public static OfficeFamily of(String fileType) {
    return switch (fileType.toLowerCase(Locale.ROOT)) {
      case "docx", "docm", "dotx", "dotm" -> WORDPROCESSING;
      case "xlsx", "xlsm", "xltx", "xltm" -> SPREADSHEET;
      case "pptx", "pptm", "potx", "potm", "ppsx", "ppsm" -> PRESENTATION;
      default -> OTHER;
    };
  }

  /**
   * @param fileType an OOXML extension
   * @return the content type of its main part
   */
  static String mainContentType(String fileType) {
    String wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
    String sml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
    String pml = "application/vnd.openxmlformats-officedocument.presentationml.";
    return switch (fileType.toLowerCase(Locale.ROOT)) {
      case "docx" -> wml + "document.main+xml";
      case "docm" -> "application/vnd.ms-word.document.macroEnabled.main+xml";
      case "dotx" -> wml + "template.main+xml";
      case "dotm" -> "application/vnd.ms-word.template.macroEnabledTemplate.main+xml";
      case "xlsx" -> sml + "sheet.main+xml";
      case "xlsm" -> "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
      case "xltx" -> sml + "template.main+xml";
      case "xltm" -> "application/vnd.ms-excel.template.macroEnabled.main+xml";
      case "pptx" -> pml + "presentation.main+xml";
      case "pptm" -> "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml";
      case "potx" -> pml + "template.main+xml";
      case "potm" -> "application/vnd.ms-powerpoint.template.macroEnabled.main+xml";
      case "ppsx" -> pml + "slideshow.main+xml";
      case "ppsm" -> "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml";
      default -> throw new IllegalArgumentException("not OOXML: " + fileType);
    };
  }

  /**
   * @return the main part's name in the package
   */
  String mainPart() {
    return switch (this) {
      case WORDPROCESSING -> "/word/document.xml";
      case SPREADSHEET -> "/xl/workbook.xml";
      case PRESENTATION -> "/ppt/presentation.xml";
      case OTHER -> throw new IllegalStateException("no main part");
    };
  }
}
