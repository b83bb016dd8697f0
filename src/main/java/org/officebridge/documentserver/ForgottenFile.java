package org.officebridge.documentserver;

import java.net.URI;
import java.util.Objects;

/**
 * A file the Document Server kept because its final save was never acknowledged (protocol digest §3
 * and §6).
 *
 * @param key the document key of the session it belongs to
 * @param url a temporary link to the file on the Document Server; open it with {@link
 *     DocumentServerHttp#openDownload}
 */
public record ForgottenFile(String key, URI url) {

  /** Checks that both parts are present. */
  public ForgottenFile {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(url, "url");
  }
}
