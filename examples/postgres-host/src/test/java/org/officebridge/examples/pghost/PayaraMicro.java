package org.officebridge.examples.pghost;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Starts a WAR on Payara Micro, for the end-to-end tests: listening on 127.0.0.1 only, on a free
 * port, with the data grid off (a preboot file), unpacked under {@code target/}.
 */
final class PayaraMicro {

  private PayaraMicro() {}

  /**
   * @param jar the Payara Micro jar
   * @param war the WAR to deploy under {@code /officebridge}
   * @param libraries jars for the server's class path ({@code --addlibs}), or none
   * @param properties system properties of the server's JVM (the settings) for the port it gets
   * @param work a directory for the server's files and its log
   * @return the running server, ready
   * @throws IOException when it cannot start, with the end of its log
   * @throws InterruptedException when interrupted
   */
  static ServerProcess start(
      Path jar,
      Path war,
      List<Path> libraries,
      IntFunction<Map<String, String>> properties,
      Path work)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    // a root directory left by an earlier run would make Micro deploy its old copy first
    ServerProcess.deleteTree(work.resolve("root"));
    int port = ServerProcess.freePort();
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
    if (!libraries.isEmpty()) {
      command.add("--addlibs");
      command.add(String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList()));
    }
    return ServerProcess.start(
        "Payara Micro",
        new ProcessBuilder(command),
        port,
        work.resolve("payara.log"),
        List.of("Exception while loading the app"));
  }
}
