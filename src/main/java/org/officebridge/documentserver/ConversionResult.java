package org.officebridge.documentserver;

import java.net.URI;
import java.util.Objects;

/**
 * A finished conversion. The file lives on the Document Server for a limited time (about 15
 * minutes); read it at once with {@link ConversionClient#openResult}.
 *
 * @param fileUrl the temporary link to the result
 * @param fileType the result's lower-case extension
 */
public record ConversionResult(URI fileUrl, String fileType) {

  /** Checks that both parts are present. */
  public ConversionResult {
    Objects.requireNonNull(fileUrl, "fileUrl");
    Objects.requireNonNull(fileType, "fileType");
  }
}
