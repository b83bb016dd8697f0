package org.officebridge.callback;

/** Why an intermediate save (status 6 or 7) happened: {@code forcesavetype} (digest §3). */
public enum ForcesaveType {
  /** 0: the command service's {@code forcesave}. */
  COMMAND(0),
  /** 1: a user pressed Save ({@code customization.forcesave}). */
  SAVE_BUTTON(1),
  /** 2: the Document Server's timer ({@code autoAssembly}). */
  TIMER(2),
  /** 3: a user submitted a PDF form (Complete &amp; Submit). */
  FORM_SUBMIT(3),
  /** Absent or undocumented. */
  UNKNOWN(-1);

  private final int code;

  ForcesaveType(int code) {
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
   * @return its type; {@link #UNKNOWN} for an undocumented value
   */
  public static ForcesaveType fromCode(int code) {
    for (ForcesaveType t : values()) {
      if (t.code == code && t != UNKNOWN) {
        return t;
      }
    }
    return UNKNOWN;
  }
}
