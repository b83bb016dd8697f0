package org.officebridge.standin.office;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Wraps a stream so that closing the wrapper only flushes it. */
final class NonClosing {

  private NonClosing() {}

  static OutputStream wrap(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
