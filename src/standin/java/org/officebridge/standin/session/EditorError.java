package org.officebridge.standin.session;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why an editor did not open, with what the real editor would show.
 *
 * @param kind the kind of refusal
 * @param description the message shown
 */
public record EditorError(Kind kind, String description) {

  /** Kinds of refusal, with the {@code onError} code the real editor reports (0 = none). */
  public enum Kind {
    /**
     * The config is unusable (missing url, bad fileType or key): the real api.js alerts and never
     * builds the editor; no onError.
     */
    CONFIG(0),
    /** The token is missing, malformed, wrongly signed or not HS256 (sdkjs VKeyEncrypt). */
    TOKEN_INVALID(-20),
    /** The token has expired (sdkjs KeyExpire). */
    TOKEN_EXPIRED(-21),
    /** {@code document.url} could not be downloaded (sdkjs DownloadError). */
    DOWNLOAD(-4),
    /**
     * The key was already saved (status 2 accepted): the editor asks for a refresh
     * (onRequestRefreshFile, or onOutdatedVersion before 8.3).
     */
    OUTDATED(0);

    private final int errorCode;

    Kind(int errorCode) {
      this.errorCode = errorCode;
    }

    /**
     * @return the onError {@code errorCode}, or 0 when the real editor fires no onError
     */
    public int errorCode() {
      return errorCode;
    }
  }

  /** The real editor's text for a token it cannot verify. */
  public static final String TOKEN_TEXT =
      "The document security token is not correctly formed. Please contact your Document Server"
          + " administrator.";

  /** The real editor's text for an expired token. */
  public static final String TOKEN_EXPIRED_TEXT =
      "The document security token has expired. Please contact your Document Server administrator.";

  /** The real editor's text for a failed download. */
  public static final String DOWNLOAD_TEXT = "Download failed.";

  /**
   * @return {@code {kind, errorCode, errorDescription}}
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind.name());
    m.put("errorCode", kind.errorCode());
    m.put("errorDescription", description);
    return m;
  }
}
