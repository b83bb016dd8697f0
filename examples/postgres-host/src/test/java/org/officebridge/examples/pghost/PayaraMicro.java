package org.officebridge.examples.pghost;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A WAR on Payara Micro in a process of its own, for the end-to-end test: listening on 127.0.0.1
 * only, on a free port, with the data grid off (a preboot file), unpacked under {@code target/}.
 * Ready once {@code api/health/ready} answers 200; stopped (and, if need be, killed) on close. Its
 * output goes to a log file next to it.
 */
final class PayaraMicro implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final Process process;
  private final URI base;
  private final Path log;

  private PayaraMicro(Process process, URI base, Path log) {
    this.process = process;
    this.base = base;
    this.log = log;
  }

  /**
   * @param jar the Payara Micro jar
   * @param war the WAR to deploy under {@code /officebridge}
   * @param properties system properties of the server's JVM (the settings) for the port it gets
   * @param work a directory for the server's files and its log
   * @return the running server, ready
   * @throws IOException when it cannot start, with the end of its log
   * @throws InterruptedException when interrupted
   */
  static PayaraMicro start(
      Path jar, Path war, IntFunction<Map<String, String>> properties, Path work)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    deleteTree(work.resolve("root"));
    int port = freePort();
    Path preboot = work.resolve("preboot.asadmin");
    Files.writeString(
        preboot,
        "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.address=127.0.0.1\n"
            + "set configs.config.server-config.hazelcast-config-specific-configuration"
            + ".enabled=false\n");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx768m");
    properties.apply(port).forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--deploy",
            war.toString(),
            "--contextroot",
            "officebridge",
            "--port",
            Integer.toString(port),
            "--nocluster",
            "--disablephonehome",
            "--rootdir",
            work.resolve("root").toString(),
            "--prebootcommandfile",
            preboot.toString()));
    Path log = work.resolve("payara.log");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PayaraMicro server =
        new PayaraMicro(p, URI.create("http://127.0.0.1:" + port + "/officebridge/"), log);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("Payara Micro exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<Void> r =
            http.send(
                HttpRequest.newBuilder(base.resolve("api/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException("Payara Micro was not ready within " + START_TIMEOUT + ":\n" + tail());
  }

  /**
   * @return the application's base URL, ending with a slash
   */
  URI baseUrl() {
    return base;
  }

  /**
   * @return the end of the server's log
   */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** A root directory left by an earlier run would make Micro deploy its old copy first. */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
