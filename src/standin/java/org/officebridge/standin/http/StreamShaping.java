package org.officebridge.standin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * How a download is sent: at full speed, slowed down (a pause before each chunk) or cut off after a
 * number of bytes (the connection then closes short of the announced length).
 *
 * @param pausePerChunk pause before each 8 KiB chunk (zero for none)
 * @param cutAfterBytes stop after this many bytes, or -1 to send everything
 */
public record StreamShaping(Duration pausePerChunk, long cutAfterBytes) {

  /** Full speed, complete. */
  public static final StreamShaping NONE = new StreamShaping(Duration.ZERO, -1);

  private static final int CHUNK = 8192;

  /**
   * Copies {@code in} to {@code out} applying this shaping.
   *
   * @param in the source
   * @param out the destination
   * @throws IOException when copying fails, or deliberately when the cut-off is reached
   */
  public void copy(InputStream in, OutputStream out) throws IOException {
    byte[] buf = new byte[CHUNK];
    long sent = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      pause();
      if (cutAfterBytes >= 0 && sent + n > cutAfterBytes) {
        out.write(buf, 0, (int) (cutAfterBytes - sent));
        out.flush();
        throw new CutOffException(cutAfterBytes);
      }
      out.write(buf, 0, n);
      sent += n;
    }
  }

  /** Thrown when a download is cut off on purpose; the connection is then dropped. */
  public static final class CutOffException extends IOException {
    CutOffException(long bytes) {
      super("cut off on purpose after " + bytes + " bytes");
    }
  }

  private void pause() throws InterruptedIOException {
    if (pausePerChunk.isZero() || pausePerChunk.isNegative()) {
      return;
    }
    try {
      Thread.sleep(pausePerChunk.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}
