package org.officebridge.spi;

/**
 * An outcome of an SPI call that the connector is built to handle. Each subclass says what the
 * connector answers when it sees it. Messages are for logs only and never reach a client.
 */
public abstract sealed class HostException extends Exception
    permits DocumentNotFoundException,
        AccessDeniedException,
        VersionConflictException,
        HostUnavailableException,
        InvalidNameException,
        NameConflictException,
        OperationNotSupportedException {

  /**
   * @param message a description for logs (no secret, no token)
   * @param cause the underlying failure, if any
   */
  protected HostException(String message, Throwable cause) {
    super(message, cause);
  }
}
