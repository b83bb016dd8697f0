package org.officebridge.documentserver;

/** The conversion service answered with an error code. */
public final class ConversionException extends DocumentServerException {

  private final int code;

  /**
   * @param code the {@code error} it answered
   */
  public ConversionException(int code) {
    super("conversion answered error " + code);
    this.code = code;
  }

  /**
   * @return the error, as documented
   */
  public ConversionError error() {
    return ConversionError.fromCode(code);
  }

  /**
   * @return the raw {@code error} value
   */
  public int code() {
    return code;
  }
}
