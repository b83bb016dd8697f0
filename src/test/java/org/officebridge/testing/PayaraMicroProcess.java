package org.officebridge.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Micro started directly as a process (not through Arquillian), for tests that must read
 * what the server printed, such as a failed deployment's reason, which the Arquillian adapter does
 * not pass on, and for clusters of Micro processes. Listens on 127.0.0.1 only, by default without
 * Payara's data grid.
 */
public final class PayaraMicroProcess implements AutoCloseable {

  private final Process process;
  private final Path log;

  private PayaraMicroProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts Micro with one WAR and waits until it reports ready.
   *
   * @param war the WAR to deploy
   * @param port the HTTP port
   * @param systemProperties JVM system properties for the server
   * @return the running server
   * @throws Exception when it does not get ready within 90 seconds
   */
  public static PayaraMicroProcess start(Path war, int port, Map<String, String> systemProperties)
      throws Exception {
    return start(war, port, systemProperties, Duration.ofSeconds(90));
  }

  /**
   * Starts Micro with one WAR and waits until it reports ready.
   *
   * @param war the WAR to deploy
   * @param port the HTTP port
   * @param systemProperties JVM system properties for the server
   * @param timeout how long to wait for it
   * @return the running server
   * @throws Exception when it does not get ready in time
   */
  public static PayaraMicroProcess start(
      Path war, int port, Map<String, String> systemProperties, Duration timeout) throws Exception {
    return start(war, port, systemProperties, timeout, withoutGrid());
  }

  /**
   * @return Micro's options that keep its data grid off: {@code --nocluster} and the preboot file
   *     that disables Hazelcast ({@code --nocluster} alone still starts it on every interface)
   */
  public static List<String> withoutGrid() {
    return List.of(
        "--nocluster",
        "--prebootcommandfile",
        System.getProperty("payara.preboot", "target/payara/preboot.asadmin"));
  }

  /**
   * Starts Micro with one WAR and its own clustering options, and waits until it reports ready.
   *
   * @param war the WAR to deploy
   * @param port the HTTP port
   * @param systemProperties JVM system properties for the server
   * @param timeout how long to wait for it
   * @param clustering Micro's options for its data grid and the preboot command file; they must
   *     keep it on 127.0.0.1
   * @return the running server
   * @throws Exception when it does not get ready in time
   */
  public static PayaraMicroProcess start(
      Path war,
      int port,
      Map<String, String> systemProperties,
      Duration timeout,
      List<String> clustering)
      throws Exception {
    // a fresh runtime folder: Micro redeploys whatever an earlier run left registered in it,
    // which would run a stale copy of the application beside the one under test
    Path rootDir = Path.of("target", "payara-direct-root-" + port);
    if (Files.exists(rootDir)) {
      try (var walk = Files.walk(rootDir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar", "target/payara-micro.jar"),
            "--deploy",
            war.toString(),
            "--contextroot",
            "officebridge",
            "--port",
            String.valueOf(port),
            "--disablephonehome",
            "--rootdir",
            rootDir.toString()));
    command.addAll(clustering);
    Path log = Files.createTempFile(Path.of("target"), "payara-micro-", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PayaraMicroProcess micro = new PayaraMicroProcess(process, log);
    Instant deadline = Instant.now().plus(timeout);
    while (!micro.output().contains(" ready in ")) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        String out = micro.output();
        micro.close();
        throw new IllegalStateException("Payara Micro did not get ready:\n" + out);
      }
      Thread.sleep(250);
    }
    return micro;
  }

  /**
   * @return everything the server printed so far
   * @throws IOException when the log cannot be read
   */
  public String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * Kills the server at once (SIGKILL), as a crashed node: no undeployment, no goodbye to the
   * cluster.
   *
   * @throws InterruptedException when interrupted while waiting for it to end
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /**
   * @return the server's process id (to attach to its JVM)
   */
  public long pid() {
    return process.pid();
  }

  /**
   * @return whether the server process still runs
   */
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
