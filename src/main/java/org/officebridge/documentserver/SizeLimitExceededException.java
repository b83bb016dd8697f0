package org.officebridge.documentserver;

import java.io.IOException;

/** A download or upload went past the configured size limit; it is abandoned. */
public final class SizeLimitExceededException extends IOException {

  /**
   * @param limit the limit in bytes
   */
  public SizeLimitExceededException(long limit) {
    super("more than " + limit + " bytes");
  }
}
