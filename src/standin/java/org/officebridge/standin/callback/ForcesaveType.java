package org.officebridge.standin.callback;

import java.util.Arrays;
import java.util.Optional;

/** The {@code forcesavetype} of a status 6/7 callback. */
public enum ForcesaveType {
  /** The command service's {@code forcesave}. */
  COMMAND(0),
  /** The Save button (with {@code customization.forcesave=true}). */
  BUTTON(1),
  /** The server's timer ({@code autoAssembly}). */
  TIMER(2),
  /** A PDF form's "Complete &amp; Submit". */
  FORM_SUBMIT(3);

  private final int code;

  ForcesaveType(int code) {
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
   * @return the type, if the value is one
   */
  public static Optional<ForcesaveType> fromCode(long code) {
    return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
  }
}
