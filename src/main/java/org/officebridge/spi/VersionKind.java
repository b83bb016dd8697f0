package org.officebridge.spi;

/** Why a new version is stored; a host may keep intermediate versions apart or replace them. */
public enum VersionKind {
  /** The end of an editing session (callback status 2; WOPI exit save). */
  EDIT_FINAL,
  /**
   * A save while editing continues (callback status 6, any {@code forcesavetype}; WOPI PutFile that
   * is not an exit save). A host may replace the previous intermediate version of the same session
   * instead of keeping each one.
   */
  EDIT_INTERMEDIATE,
  /** An older version made current again. */
  RESTORE,
  /** A conversion of a legacy format to OOXML stored over the original. */
  CONVERSION,
  /** A user uploaded new content outside the editor. */
  UPLOAD,
  /** The first version of a document that was just created (blank, from a template, a copy). */
  CREATED
}
