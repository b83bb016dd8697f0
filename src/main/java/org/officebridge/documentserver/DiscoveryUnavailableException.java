package org.officebridge.documentserver;

/**
 * The WOPI client's discovery could not be fetched or read, and no earlier copy is cached. Host
 * pages answer 503; WOPI requests whose proof cannot be checked answer 500.
 */
public final class DiscoveryUnavailableException extends RuntimeException {

  /**
   * @param message what failed, for logs
   * @param cause the underlying failure
   */
  public DiscoveryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
