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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application server in a process of its own, running the connector under {@code /officebridge}:
 * ready once {@code api/health/ready} answers 200, failed as soon as its log says the deployment
 * failed, stopped (and, if need be, killed) on close. Its output goes to a log file.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

  private final String name;
  private final Process process;
  private final URI base;
  private final Path log;
  private final List<String> failures;

  private ServerProcess(String name, Process process, URI base, Path log, List<String> failures) {
    this.name = name;
    this.process = process;
    this.base = base;
    this.log = log;
    this.failures = failures;
  }

  /**
   * @param name the server's name, for messages
   * @param command the command that starts it
   * @param port the HTTP port it listens on, on 127.0.0.1
   * @param log where its output goes
   * @param failures texts in its log that mean the deployment failed
   * @return the running server, ready
   * @throws IOException when it cannot start, with the end of its log
   * @throws InterruptedException when interrupted
   */
  static ServerProcess start(
      String name, ProcessBuilder command, int port, Path log, List<String> failures)
      throws IOException, InterruptedException {
    Process p = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerProcess server =
        new ServerProcess(
            name, p, URI.create("http://127.0.0.1:" + port + "/officebridge/"), log, failures);
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
    String answer = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      if (deploymentFailed()) {
        throw new IOException("the deployment on " + name + " failed:\n" + tail());
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(base.resolve("api/health/ready"))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        answer = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IOException(
        name
            + " was not ready within "
            + START_TIMEOUT
            + " (last answer: "
            + answer.substring(0, Math.min(answer.length(), 2000))
            + "):\n"
            + tail());
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

  /**
   * @param text what to look for
   * @return whether the server's log holds it
   * @throws IOException when the log cannot be read
   */
  boolean logContains(String text) throws IOException {
    return Files.readString(log).contains(text);
  }

  /** The connector's deployment check, or the server, said the deployment failed. */
  private boolean deploymentFailed() {
    try {
      String text = Files.readString(log);
      return text.contains("event=deployment-check outcome=failed")
          || failures.stream().anyMatch(text::contains);
    } catch (IOException e) {
      return false; // no log yet
    }
  }

  /**
   * Deletes a directory left by an earlier run.
   *
   * @param dir the directory
   * @throws IOException when it cannot be deleted
   */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * @param port a port
   * @return whether it can be bound on 127.0.0.1 now
   */
  static boolean isFree(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * @return a port free on 127.0.0.1 now
   * @throws IOException when there is none
   */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    // a start script's server, should the script have died without stopping it
    children.forEach(ProcessHandle::destroyForcibly);
  }
}
