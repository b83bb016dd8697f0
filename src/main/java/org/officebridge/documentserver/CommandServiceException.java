package org.officebridge.documentserver;

/** The command service answered with an error code. */
public final class CommandServiceException extends DocumentServerException {

  private final String command;
  private final int code;

  /**
   * @param command the command ({@code c})
   * @param code the {@code error} it answered
   */
  public CommandServiceException(String command, int code) {
    super("command " + command + " answered error " + code);
    this.command = command;
    this.code = code;
  }

  /**
   * @return the command that failed
   */
  public String command() {
    return command;
  }

  /**
   * @return the error, as documented
   */
  public CommandError error() {
    return CommandError.fromCode(code);
  }

  /**
   * @return the raw {@code error} value
   */
  public int code() {
    return code;
  }
}
