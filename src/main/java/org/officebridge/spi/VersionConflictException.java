package org.officebridge.spi;

/**
 * A new version was based on a version that is no longer current: someone stored another version in
 * between. Nothing was stored. The connector keeps the edit as a conflict copy beside the document
 * (callbacks) or answers 409 (WOPI).
 */
public final class VersionConflictException extends HostException {

  /** The version that is current now. */
  private final String currentVersion;

  /**
   * @param message a description for logs
   * @param currentVersion the version that is current now
   */
  public VersionConflictException(String message, String currentVersion) {
    super(message, null);
    this.currentVersion = currentVersion;
  }

  /**
   * @return the version that is current now
   */
  public String currentVersion() {
    return currentVersion;
  }
}
