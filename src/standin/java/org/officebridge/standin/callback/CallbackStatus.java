package org.officebridge.standin.callback;

import java.util.Arrays;
import java.util.Optional;

/** The {@code status} of a callback (digest §3). */
public enum CallbackStatus {
  /** Internal "not found"; never sent by the stand-in. */
  NOT_FOUND(0),
  /** Someone connected or disconnected. */
  EDITING(1),
  /** Ready for saving: the final save after the last editor left. */
  MUST_SAVE(2),
  /** The final save could not be assembled. */
  SAVE_ERROR(3),
  /** Closed with no changes. */
  CLOSED(4),
  /** Internal mail-merge result; never sent by the stand-in. */
  MAIL_MERGE(5),
  /** Forcesave done; editing continues. */
  FORCESAVED(6),
  /** Forcesave failed. */
  FORCESAVE_ERROR(7);

  private final int code;

  CallbackStatus(int code) {
    this.code = code;
  }

  /**
   * @return the wire value
   */
  public int code() {
    return code;
  }

  /**
   * @return whether an unacknowledged callback of this status leaves a forgotten file
   */
  public boolean isFinalSave() {
    return this == MUST_SAVE || this == SAVE_ERROR;
  }

  /**
   * @param code a wire value
   * @return the status, if the value is one
   */
  public static Optional<CallbackStatus> fromCode(long code) {
    return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
  }
}
