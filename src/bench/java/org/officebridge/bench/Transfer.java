package org.officebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One HTTP transfer with curl, the same client for the baseline and the connector: the bytes go to
 * or come from a file on disk, never through the harness's heap.
 */
final class Transfer {

  private Transfer() {}

  /**
   * @param url what to download
   * @param headers request headers
   * @return bytes per second
   * @throws IOException when curl fails or the answer is not 200
   * @throws InterruptedException when interrupted
   */
  static double download(URI url, Map<String, String> headers)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null"));
    return run(cmd, url, headers, "%{size_download}");
  }

  /**
   * The plainest copy there is: curl reading the file from disk ({@code file://}), no HTTP.
   *
   * @param file the file
   * @return bytes per second
   * @throws IOException when curl fails
   * @throws InterruptedException when interrupted
   */
  static double diskRead(Path file) throws IOException, InterruptedException {
    String[] out =
        Commands.run(
                List.of(
                    "curl",
                    "-sS",
                    "-o",
                    "/dev/null",
                    "-w",
                    "%{size_download} %{time_total}",
                    file.toAbsolutePath().toUri().toString()))
            .trim()
            .split(" ");
    return Double.parseDouble(out[0]) / Double.parseDouble(out[1]);
  }

  /**
   * What storing a copy costs on this disk: copies a file with a 64 KiB buffer and forces it to
   * disk, as the demo DMS stores a version (it syncs before it answers).
   *
   * @param source the file
   * @param target where the copy goes (deleted afterwards)
   * @return bytes per second
   * @throws IOException when the copy fails
   */
  static double diskWriteSynced(Path source, Path target) throws IOException {
    long start = System.nanoTime();
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(source);
        java.nio.channels.FileChannel out =
            java.nio.channels.FileChannel.open(
                target,
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(java.nio.ByteBuffer.wrap(buffer, 0, n));
      }
      out.force(true);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long size = java.nio.file.Files.size(target);
    java.nio.file.Files.deleteIfExists(target);
    return size / seconds;
  }

  /**
   * Streams a file as the body of a POST ({@code --upload-file}; {@code --data-binary @file} would
   * load it into curl's memory first, and fails for 1 GiB).
   *
   * @param url where to POST
   * @param body the file to send
   * @param headers request headers
   * @return bytes per second
   * @throws IOException when curl fails or the answer is not 200
   * @throws InterruptedException when interrupted
   */
  static double upload(URI url, Path body, Map<String, String> headers)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "curl",
                "-sS",
                "-o",
                "/dev/null",
                "-X",
                "POST",
                "-H",
                "Expect:",
                "--upload-file",
                body.toString()));
    return run(cmd, url, headers, "%{size_upload}");
  }

  /**
   * POSTs a small body and measures how long the answer takes (a callback that makes the server
   * fetch and store a large file).
   *
   * @param url where to POST
   * @param json the body
   * @param headers request headers
   * @return seconds until the answer
   * @throws IOException when curl fails or the answer is not 200
   * @throws InterruptedException when interrupted
   */
  static double postSeconds(URI url, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "curl",
                "-sS",
                "-o",
                "/dev/null",
                "-X",
                "POST",
                "-H",
                "Content-Type: application/json",
                "--data-binary",
                json));
    headers.forEach((k, v) -> cmd.addAll(List.of("-H", k + ": " + v)));
    cmd.addAll(List.of("-w", "%{http_code} %{time_total}", url.toString()));
    String[] out = Commands.run(cmd).trim().split(" ");
    if (!out[0].equals("200")) {
      throw new IOException("HTTP " + out[0] + " from " + url.getPath());
    }
    return Double.parseDouble(out[1]);
  }

  private static double run(List<String> cmd, URI url, Map<String, String> headers, String size)
      throws IOException, InterruptedException {
    headers.forEach((k, v) -> cmd.addAll(List.of("-H", k + ": " + v)));
    cmd.addAll(List.of("-w", "%{http_code} " + size + " %{time_total}", url.toString()));
    String[] out = Commands.run(cmd).trim().split(" ");
    if (!out[0].equals("200")) {
      throw new IOException("HTTP " + out[0] + " from " + url.getPath());
    }
    return Double.parseDouble(out[1]) / Double.parseDouble(out[2]);
  }
}
