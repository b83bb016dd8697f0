package org.officebridge.documentserver;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through until more than a limit have been read, then fails with {@link
 * SizeLimitExceededException}, so a store reading it stores nothing.
 */
public final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private long count;

  /**
   * @param in the stream to limit (closed with this one)
   * @param limit the most bytes allowed
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

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long n) throws IOException {
    count += n;
    if (count > limit) {
      throw new SizeLimitExceededException(limit);
    }
  }

  /**
   * @return bytes read so far
   */
  public long count() {
    return count;
  }
}
