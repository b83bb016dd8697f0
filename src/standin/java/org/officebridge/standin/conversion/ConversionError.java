package org.officebridge.standin.conversion;

import java.util.Arrays;
import java.util.Optional;

/** The conversion service's error codes (digest §7). */
public enum ConversionError {
  /** Unknown error. */
  UNKNOWN(-1),
  /** Conversion timeout. */
  TIMEOUT(-2),
  /** Conversion error (includes unsupported pairs). */
  CONVERSION(-3),
  /** The source could not be downloaded. */
  DOWNLOAD(-4),
  /** Wrong or missing password. */
  PASSWORD(-5),
  /** Error accessing the conversion result database. */
  DATABASE(-6),
  /** Input error (missing or malformed parameters). */
  INPUT(-7),
  /** Invalid token. */
  INVALID_TOKEN(-8),
  /** The output format cannot be determined (xml to ooxml/odf). */
  OUTPUT_UNDETERMINED(-9),
  /** Size limit exceeded. */
  SIZE_LIMIT(-10);

  private final int code;

  ConversionError(int code) {
    this.code = code;
  }

  /**
   * @return the wire value
   */
  public int code() {
    return code;
  }

  /**
   * @param code a wire value
   * @return the error, if the value is one
   */
  public static Optional<ConversionError> fromCode(long code) {
    return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
  }
}
