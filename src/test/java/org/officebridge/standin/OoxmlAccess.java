package org.officebridge.standin;

/** Lets tests in other packages read OOXML parts. */
public final class OoxmlAccess {

  private OoxmlAccess() {}

  /**
   * @param docx a docx package
   * @return the text of word/document.xml, after checking that every XML part parses
   * @throws Exception when it is not a valid package
   */
  public static String text(byte[] docx) throws Exception {
    return Ooxml.partText(docx, "word/document.xml");
  }
}
