package org.officebridge.standin.command;

import java.util.Arrays;
import java.util.Optional;

/** The command service's {@code error} codes (digest §6). */
public enum CommandError {
  /** No errors. */
  OK(0),
  /** Key missing, or no document with that key. */
  KEY_NOT_FOUND(1),
  /** No usable callback URL for the document. */
  CALLBACK_URL(2),
  /** Internal server error. */
  INTERNAL(3),
  /** No changes before forcesave. */
  NO_CHANGES(4),
  /** Unknown or malformed command. */
  COMMAND_NOT_CORRECT(5),
  /** Invalid token. */
  INVALID_TOKEN(6);

  private final int code;

  CommandError(int code) {
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
  public static Optional<CommandError> fromCode(long code) {
    return Arrays.stream(values()).filter(e -> e.code == code).findFirst();
  }
}
