package org.officebridge.spi.contract;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;

/** Streams and measurements the contract tests share. */
final class ContractStreams {

  private ContractStreams() {}

  /** A stream of {@code length} deterministic bytes that allocates nothing per read. */
  static class Pattern extends InputStream {
    private final long length;
    protected long position;

    Pattern(long length) {
      this.length = length;
    }

    /** Called after each read with the position reached; for progress checks. */
    void progress(long reached) {}

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(len, length - position);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) byteAt(position + i);
      }
      position += n;
      progress(position);
      return n;
    }

    static int byteAt(long position) {
      return (int) ((position * 31 + (position >>> 11)) & 0xff);
    }
  }

  /** A stream that delivers {@code good} bytes and then fails, like a cut-off download. */
  static InputStream failingAfter(long good) {
    return new Pattern(good + 1_000_000) {
      @Override
      void progress(long reached) {}

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (position >= good) {
          throw new IOException("connection reset (simulated)");
        }
        return super.read(b, off, (int) Math.min(len, good - position));
      }
    };
  }

  /** Heap in use after a full collection, in bytes. */
  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
