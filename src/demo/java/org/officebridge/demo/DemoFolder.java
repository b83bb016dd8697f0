package org.officebridge.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The file operations of the demo store, each write atomic: data goes to a temporary file in the
 * same directory, is forced to disk, then renamed over the target in one step, so a reader sees the
 * old file or the new one, never a part.
 */
final class DemoFolder {

  private static final int BUFFER = 64 * 1024;

  /** How much is written between background forces. */
  static final long EARLY_FORCE = 32L * 1024 * 1024;

  /** Forces staged files while their writers go on; daemon threads, idle ones end. */
  private static final ExecutorService FORCER =
      new ThreadPoolExecutor(
          0,
          4,
          30,
          TimeUnit.SECONDS,
          new SynchronousQueue<>(),
          r -> {
            Thread t = new Thread(r, "officebridge-demo-force");
            t.setDaemon(true);
            return t;
          },
          new ThreadPoolExecutor.CallerRunsPolicy());

  private DemoFolder() {}

  /**
   * Streams {@code in} to a new temporary file beside {@code dir}'s files, forced to disk.
   *
   * <p>While the data comes in, every {@value #EARLY_FORCE} bytes a background thread forces what
   * was written so far, so the disk writes it while the rest arrives: with one force at the end, a
   * large file first filled the page cache and then waited for the whole disk write, the two one
   * after the other. The last force still comes before the method returns.
   *
   * @return the temporary file; the caller moves it into place or deletes it
   */
  static Path stage(Path dir, InputStream in) throws IOException {
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".incoming-", ".tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[BUFFER];
      long written = 0;
      long forcedUpTo = 0;
      Future<?> forcing = null;
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
          written += n;
          if (written - forcedUpTo >= EARLY_FORCE && (forcing == null || forcing.isDone())) {
            awaitForce(forcing);
            forcedUpTo = written;
            forcing =
                FORCER.submit(
                    () -> {
                      channel.force(false);
                      return null;
                    });
          }
        }
        awaitForce(forcing);
      } finally {
        if (forcing != null) {
          forcing.cancel(false); // a failed write: the file is deleted anyway
        }
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  /** Waits for a background force, rethrowing its failure. */
  private static void awaitForce(Future<?> forcing) throws IOException {
    if (forcing == null) {
      return;
    }
    try {
      forcing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while forcing to disk");
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (java.util.concurrent.CancellationException e) {
      // cancelled before it ran: the final force covers it
    }
  }

  /** Moves a staged file over {@code target} atomically. */
  static void commit(Path staged, Path target) throws IOException {
    try {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes properties atomically. */
  static void writeProperties(Path file, Properties properties) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), ".props-", ".tmp");
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      properties.store(w, null);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    commit(temp, file);
  }

  /** Reads properties, empty when the file does not exist. */
  static Properties readProperties(Path file) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(r);
      }
    }
    return properties;
  }
}
