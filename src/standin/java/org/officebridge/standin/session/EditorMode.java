package org.officebridge.standin.session;

import java.util.Optional;

/** {@code editorConfig.mode}. */
public enum EditorMode {
  /** Editing. */
  EDIT("edit"),
  /** Viewing. */
  VIEW("view");

  private final String code;

  EditorMode(String code) {
    this.code = code;
  }

  /**
   * @return the wire value
   */
  public String code() {
    return code;
  }

  /**
   * @param code a wire value
   * @return the mode, if the value is one
   */
  public static Optional<EditorMode> fromCode(String code) {
    for (EditorMode m : values()) {
      if (m.code.equals(code)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
