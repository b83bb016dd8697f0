package org.officebridge.documentserver;

import java.io.IOException;
import java.net.URI;

/**
 * A URL the connector was asked to fetch is not an address of the Document Server (server-side
 * request forgery attempt or misconfiguration). Nothing was sent to it.
 */
public final class ForbiddenUrlException extends IOException {

  /**
   * @param url the refused URL (only its host is kept in the message)
   */
  public ForbiddenUrlException(URI url) {
    super("not a Document Server address: " + url.getHost());
  }
}
