package org.officebridge.documentserver;

/** The command service's {@code error} codes (protocol digest §6). */
public enum CommandError {
  /** The command was carried out. */
  OK(0),
  /** The key is missing or unknown: no editing session has it. */
  KEY_NOT_FOUND(1),
  /** The session's callback URL is not correct. */
  CALLBACK_URL_NOT_CORRECT(2),
  /** The Document Server failed internally. */
  INTERNAL_SERVER_ERROR(3),
  /** {@code forcesave}: nothing changed since the last save (not a failure). */
  NO_CHANGES(4),
  /** The command is unknown or malformed. */
  COMMAND_NOT_CORRECT(5),
  /** The request's token was refused (secret or header mismatch). */
  INVALID_TOKEN(6),
  /** Any code the documentation does not list. */
  UNKNOWN(-1);

  private final int code;

  CommandError(int code) {
    this.code = code;
  }

  /**
   * @return the wire value ({@code -1} for {@link #UNKNOWN})
   */
  public int code() {
    return code;
  }

  /**
   * @param code a wire value
   * @return its error; {@link #UNKNOWN} for a value the documentation does not list
   */
  public static CommandError fromCode(int code) {
    for (CommandError e : values()) {
      if (e.code == code && e != UNKNOWN) {
        return e;
      }
    }
    return UNKNOWN;
  }
}
