package org.officebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro as a separate process serving the demo WAR under {@code /officebridge} and the
 * baseline deployment under {@code /bench}, on 127.0.0.1, Payara's Hazelcast off.
 */
final class BenchServer implements AutoCloseable {

  private final Process process;
  private final Path log;
  private final int port;

  private BenchServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * @param demoWar the demo WAR
   * @param baselineDir the exploded baseline deployment (its folder name is the context root)
   * @param port the HTTP port
   * @param heap the server's maximum heap, as for {@code -Xmx}
   * @param properties system properties
   * @param work a folder for logs and Payara's runtime
   * @return the started server, ready
   * @throws Exception when it does not start in five minutes
   */
  static BenchServer start(
      Path demoWar,
      Path baselineDir,
      int port,
      String heap,
      Map<String, String> properties,
      Path work)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Xms" + heap);
    command.add("-XX:+UseG1GC");
    // extra server options for profiling, e.g. -Dbench.server.options=-XX:StartFlightRecording=...
    String extra = System.getProperty("bench.server.options", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(
        List.of(
            "-jar",
            "target/payara-micro.jar",
            "--deploy",
            demoWar.toString(),
            "--contextroot",
            "officebridge",
            "--deploy",
            baselineDir.toString(),
            "--port",
            String.valueOf(port),
            "--nocluster",
            "--disablephonehome",
            "--rootdir",
            work.resolve("payara-root").toString(),
            "--prebootcommandfile",
            "target/payara/preboot.asadmin"));
    Path log = work.resolve("server.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    BenchServer server = new BenchServer(process, log, port);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (!Files.readString(log, StandardCharsets.UTF_8).contains(" ready in ")) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        server.close();
        throw new IllegalStateException("Payara Micro did not start; see " + log);
      }
      Thread.sleep(500);
    }
    return server;
  }

  /**
   * @param path a path on the server, starting with a slash
   * @return its URL
   */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * @return the server's process id, for jstat and jcmd
   */
  long pid() {
    return process.pid();
  }

  /**
   * @return the server log
   * @throws IOException when it cannot be read
   */
  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
