package org.officebridge.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The bytes of one version of a document together with its description, read as one consistent
 * snapshot: {@code info().version()} is the version of exactly these bytes. The connector closes
 * it.
 *
 * @param info the description of the version being read ({@code size} is the stream's length)
 * @param stream the bytes, read once from the start
 */
public record Content(DocumentInfo info, InputStream stream) implements AutoCloseable {

  /**
   * Checks that both parts are present.
   *
   * @param info the description of the version being read ({@code size} is the stream's length)
   * @param stream the bytes, read once from the start
   */
  public Content {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(stream, "stream");
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
