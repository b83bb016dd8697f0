package org.officebridge.callback;

/** The {@code status} of a callback (protocol digest §3). */
public enum CallbackStatus {
  /** 1: someone connected or disconnected; the document is being edited. */
  EDITING(1),
  /** 2: the session ended with changes; {@code url} is the final document. */
  READY_FOR_SAVING(2),
  /** 3: assembling the final document failed; {@code url} may still hold something. */
  SAVE_ERROR(3),
  /** 4: the session ended without changes. */
  CLOSED_WITHOUT_CHANGES(4),
  /** 6: an intermediate save (forcesave); editing continues. */
  FORCESAVE(6),
  /** 7: an intermediate save failed; editing continues. */
  FORCESAVE_ERROR(7),
  /** 0, 5 and anything undocumented: acknowledged and ignored. */
  OTHER(-1);

  private final int code;

  CallbackStatus(int code) {
    this.code = code;
  }

  /**
   * @return the wire value ({@code -1} for {@link #OTHER})
   */
  public int code() {
    return code;
  }

  /**
   * @param code a wire value
   * @return its status; {@link #OTHER} for 0, 5 and every undocumented value
   */
  public static CallbackStatus fromCode(int code) {
    for (CallbackStatus s : values()) {
      if (s.code == code && s != OTHER) {
        return s;
      }
    }
    return OTHER;
  }
}
