package org.officebridge.standin.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** An input stream that fails once more than a given number of bytes has been read. */
public final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private long count;

  /**
   * @param in the stream to bound
   * @param limit the most bytes that may be read
   */
  public LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(long n) throws LimitExceededException {
    count += n;
    if (count > limit) {
      throw new LimitExceededException(limit);
    }
  }

  /** More bytes arrived than allowed. */
  public static final class LimitExceededException extends IOException {
    LimitExceededException(long limit) {
      super("more than " + limit + " bytes");
    }
  }
}
