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
  private final long expected;
  private long count;

  /**
   * @param in the stream to limit (closed with this one)
   * @param limit the most bytes allowed
   */
  public LimitedInputStream(InputStream in, long limit) {
    this(in, limit, -1);
  }

  /**
   * @param in the stream to limit (closed with this one)
   * @param limit the most bytes allowed
   * @param expected how many bytes the sender declared ({@code Content-Length}), or -1: an end
   *     before that many fails with an {@link IOException}, so a cut-off body is never taken for a
   *     whole one
   */
  public LimitedInputStream(InputStream in, long limit, long expected) {
    super(in);
    this.limit = limit;
    this.expected = expected;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    } else {
      ended();
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      count(n);
    } else if (n < 0) {
      ended();
    }
    return n;
  }

  private void ended() throws IOException {
    if (expected >= 0 && count < expected) {
      throw new IOException("the body ended after " + count + " of " + expected + " bytes");
    }
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
