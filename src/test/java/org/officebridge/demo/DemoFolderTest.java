package org.officebridge.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFolderTest {

  @TempDir Path dir;

  /** Random bytes, {@code length} of them, read in uneven pieces; fails past {@code failAt}. */
  private static final class Source extends InputStream {
    private final Random random = new Random(7);
    private final long length;
    private final long failAt;
    private final MessageDigest digest;
    private long position;

    Source(long length, long failAt) throws Exception {
      this.length = length;
      this.failAt = failAt;
      this.digest = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public int read() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position >= failAt) {
        throw new IOException("the sender went away");
      }
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(Math.min(len, 1 + random.nextInt(200_000)), length - position);
      byte[] chunk = new byte[n];
      random.nextBytes(chunk);
      System.arraycopy(chunk, 0, b, off, n);
      digest.update(chunk);
      position += n;
      return n;
    }
  }

  @Test
  void aFileLargerThanSeveralEarlyForcesIsStagedWhole() throws Exception {
    long length = 3 * DemoFolder.EARLY_FORCE + 12_345;
    Source source = new Source(length, Long.MAX_VALUE);
    Path staged = DemoFolder.stage(dir, source);
    assertEquals(length, Files.size(staged));
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(staged)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        written.update(buffer, 0, n);
      }
    }
    assertArrayEquals(source.digest.digest(), written.digest());
  }

  @Test
  void aSenderThatFailsAfterAnEarlyForceLeavesNoFile() throws Exception {
    Source source = new Source(Long.MAX_VALUE, 2 * DemoFolder.EARLY_FORCE + 1);
    assertThrows(IOException.class, () -> DemoFolder.stage(dir, source));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "the temporary file is gone");
    }
  }
}
