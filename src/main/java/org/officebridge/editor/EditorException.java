package org.officebridge.editor;

import org.officebridge.spi.AccessDeniedException;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.OperationNotSupportedException;
import org.officebridge.spi.VersionConflictException;

/**
 * An outcome of an editor request that the user is told about: an HTTP status and the key of a
 * localized text ({@link EditorMessages}). The message never carries host or exception details.
 */
public final class EditorException extends RuntimeException {

  private final int status;
  private final String messageKey;

  /**
   * @param status the HTTP status
   * @param messageKey the text to show
   * @param reason a description for logs
   */
  public EditorException(int status, String messageKey, String reason) {
    super(reason, null, false, false);
    this.status = status;
    this.messageKey = messageKey;
  }

  /**
   * @return the HTTP status
   */
  public int status() {
    return status;
  }

  /**
   * @return the key of the text to show
   */
  public String messageKey() {
    return messageKey;
  }

  static EditorException badRequest(String reason) {
    return new EditorException(400, "error.badRequest", reason);
  }

  static EditorException forbidden(String reason) {
    return new EditorException(403, "error.forbidden", reason);
  }

  static EditorException notFound(String reason) {
    return new EditorException(404, "error.notFound", reason);
  }

  /**
   * Translates what the host answered into what the user is told.
   *
   * @param e the host's outcome
   * @return the matching editor outcome
   */
  static EditorException from(HostException e) {
    if (e instanceof DocumentNotFoundException) {
      return new EditorException(404, "error.notFound", "not found");
    }
    if (e instanceof AccessDeniedException) {
      return new EditorException(403, "error.forbidden", "host denied");
    }
    if (e instanceof VersionConflictException) {
      return new EditorException(409, "error.conflict", "version conflict");
    }
    if (e instanceof InvalidNameException) {
      return new EditorException(400, "rename.invalid", "invalid name");
    }
    if (e instanceof NameConflictException) {
      return new EditorException(409, "rename.conflict", "name taken");
    }
    if (e instanceof OperationNotSupportedException) {
      return new EditorException(403, "error.forbidden", "not supported by the host");
    }
    if (e instanceof HostUnavailableException) {
      return new EditorException(503, "error.unavailable", "host unavailable");
    }
    return new EditorException(503, "error.unavailable", "host failure");
  }
}
