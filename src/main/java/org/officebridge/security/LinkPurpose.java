package org.officebridge.security;

import java.time.Duration;

/**
 * What a connector-signed link may be used for, and how long it stays valid. A link signed for one
 * purpose is refused for every other.
 */
public enum LinkPurpose {
  /** The Document Server downloads a document's content ({@code document.url}). */
  DOWNLOAD("d", Duration.ofHours(24)),
  /**
   * The Document Server reports an editing session ({@code editorConfig.callbackUrl}); valid as
   * long as the Document Server may keep a session (its {@code expire.sessionabsolute} is 30 days).
   */
  CALLBACK("c", Duration.ofDays(31)),
  /** The editor's history view downloads an old version or its changes archive. */
  HISTORY("h", Duration.ofHours(12)),
  /**
   * The editor page's token for its own JSON endpoints (CSRF protection): binds the page to one
   * document and one user.
   */
  EDITOR("e", Duration.ofHours(12)),
  /**
   * The WOPI editor downloads an image picked in the DMS ({@code Action_InsertGraphic}); the link
   * works once.
   */
  WOPI_IMAGE("i", Duration.ofMinutes(10)),
  /**
   * The admin page's token for the admin endpoints that change something (CSRF protection): binds
   * the page to one administrator.
   */
  ADMIN("a", Duration.ofHours(12)),
  /** The settings check: the Document Server downloads the check's test file. */
  SETTINGS_CHECK("s", Duration.ofMinutes(10));

  private final String code;
  private final Duration lifetime;

  LinkPurpose(String code, Duration lifetime) {
    this.code = code;
    this.lifetime = lifetime;
  }

  /**
   * @return the one-letter code written into links
   */
  public String code() {
    return code;
  }

  /**
   * @return how long a link stays valid after it was made
   */
  public Duration lifetime() {
    return lifetime;
  }

  /**
   * @param code a code from a link
   * @return the purpose, or {@code null} when unknown
   */
  static LinkPurpose fromCode(String code) {
    for (LinkPurpose p : values()) {
      if (p.code.equals(code)) {
        return p;
      }
    }
    return null;
  }
}
