package org.officebridge.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What "the DMS did not change" means for a case: every file of the demo's data folder (name, size
 * and content, the fault switches excluded), the fixture document's WOPI lock as GetLock reports
 * it, and its editing session as the status endpoint shows it.
 */
final class DmsFingerprint {

  private DmsFingerprint() {}

  /**
   * @param fixture the corpus fixture
   * @return a digest of the DMS's state and the connector's sessions and locks on the fixture
   * @throws Exception when the state cannot be read
   */
  static String of(CorpusFixture fixture) throws Exception {
    return folder(fixture.target.dataDir())
        + " lock="
        + fixture.currentLock()
        + " session="
        + digest(fixture.session(fixture.doc).getBytes(StandardCharsets.UTF_8))
        + " other="
        + digest(fixture.session(fixture.otherDoc).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @param dataDir the demo's data folder
   * @return a digest of every file under it but {@code faults/}: relative name, size, content
   */
  static String folder(Path dataDir) {
    MessageDigest sha = sha256();
    try (Stream<Path> walk = Files.walk(dataDir)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(p -> !dataDir.relativize(p).startsWith("faults"))
              .sorted()
              .toList();
      byte[] buffer = new byte[64 * 1024];
      for (Path p : files) {
        sha.update(dataDir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(p)) {
          for (int n; (n = in.read(buffer)) >= 0; ) {
            sha.update(buffer, 0, n);
          }
        } catch (java.nio.file.NoSuchFileException e) {
          sha.update((byte) 0);
        }
      }
      return files.size() + " files " + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes)).substring(0, 16);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
