package org.officebridge.documentserver;

/** The conversion service's {@code error} codes (protocol digest §7). */
public enum ConversionError {
  /** Unknown error; also every code the documentation does not list. */
  UNKNOWN(-1),
  /** The conversion timed out. */
  TIMEOUT(-2),
  /** The conversion itself failed (also: a pair of formats that cannot be converted). */
  CONVERSION(-3),
  /** The Document Server could not download the source ({@code url} unreachable or refused). */
  DOWNLOAD(-4),
  /** The password is wrong or missing. */
  PASSWORD(-5),
  /** The Document Server's result database failed. */
  DATABASE(-6),
  /** The request is missing or malformed parameters. */
  INPUT(-7),
  /** The request's token was refused. */
  INVALID_TOKEN(-8),
  /** The output format cannot be determined (an ambiguous xml source). */
  OUTPUT_UNDETERMINED(-9),
  /** The source is larger than the Document Server accepts. */
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
   * @return its error; {@link #UNKNOWN} for a value the documentation does not list
   */
  public static ConversionError fromCode(int code) {
    for (ConversionError e : values()) {
      if (e.code == code) {
        return e;
      }
    }
    return UNKNOWN;
  }

  /**
   * @return whether sending the same request again later may succeed (timeouts, database, download
   *     errors)
   */
  public boolean isTransient() {
    return this == TIMEOUT || this == DATABASE || this == DOWNLOAD || this == UNKNOWN;
  }
}
