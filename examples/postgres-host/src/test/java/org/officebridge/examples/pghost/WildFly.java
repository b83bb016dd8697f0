package org.officebridge.examples.pghost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Starts the connector WAR on a WildFly unpacked under {@code target/}, for the end-to-end tests,
 * leaving the unpacked distribution as it is: a server base directory of its own (the
 * distribution's configuration, the WAR in {@code deployments/}), a global module in a module
 * directory of its own searched after the distribution's ({@code JBOSS_MODULEPATH}), every socket
 * on 127.0.0.1 and moved by a free port offset.
 */
final class WildFly {

  /** The ports of the default standalone.xml, before the offset. */
  private static final int[] PORTS = {8080, 8443, 8009, 9990, 9993, 4712, 4713};

  private static final int HTTP = 8080;

  private WildFly() {}

  /**
   * A module to make global, with its resources copied into it.
   *
   * @param name the module's name, such as {@code org.officebridge.examples.pghost}
   * @param resources its jars
   * @param dependencies the modules its classes need
   */
  record GlobalModule(String name, List<Path> resources, List<String> dependencies) {

    /**
     * @return its {@code module.xml}
     */
    String descriptor() {
      StringBuilder xml = new StringBuilder();
      xml.append("<module xmlns=\"urn:jboss:module:1.9\" name=\"").append(name).append("\">\n");
      xml.append("  <resources>\n");
      resources.forEach(
          r -> xml.append("    <resource-root path=\"").append(r.getFileName()).append("\"/>\n"));
      xml.append("  </resources>\n  <dependencies>\n");
      dependencies.forEach(d -> xml.append("    <module name=\"").append(d).append("\"/>\n"));
      xml.append("  </dependencies>\n</module>\n");
      return xml.toString();
    }
  }

  /**
   * @param home the unpacked distribution
   * @param war the WAR to deploy (its {@code jboss-web.xml} sets the context root)
   * @param module the global module to install
   * @param properties system properties of the server (the settings) for the HTTP port it gets
   * @param work a directory for the server's base directory, modules and log
   * @return the running server, ready
   * @throws IOException when it cannot start, with the end of its log
   * @throws InterruptedException when interrupted
   */
  static ServerProcess start(
      Path home,
      Path war,
      GlobalModule module,
      IntFunction<Map<String, String>> properties,
      Path work)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path base = work.resolve("standalone");
    Path modules = work.resolve("modules");
    ServerProcess.deleteTree(base);
    ServerProcess.deleteTree(modules);
    copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
    Files.createDirectories(base.resolve("deployments"));
    Files.copy(war, base.resolve("deployments/officebridge.war"));
    installGlobal(module, modules, base.resolve("configuration/standalone.xml"));

    int offset = freeOffset();
    List<String> command = new ArrayList<>();
    command.add("sh");
    command.add(home.resolve("bin/standalone.sh").toString());
    command.add("-Djboss.server.base.dir=" + base);
    command.add("-Djboss.socket.binding.port-offset=" + offset);
    command.add("-Djboss.bind.address=127.0.0.1");
    command.add("-Djboss.bind.address.management=127.0.0.1");
    properties.apply(HTTP + offset).forEach((k, v) -> command.add("-D" + k + "=" + v));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JBOSS_MODULEPATH", home.resolve("modules") + ":" + modules);
    return ServerProcess.start(
        "WildFly",
        builder,
        HTTP + offset,
        work.resolve("wildfly.log"),
        List.of("WFLYCTL0013", "WFLYSRV0021", "WFLYSRV0026"));
  }

  /**
   * Writes the module and lists it under the ee subsystem's {@code global-modules}, with its
   * services visible to every deployment.
   */
  private static void installGlobal(GlobalModule module, Path modules, Path standaloneXml)
      throws IOException {
    Path dir = modules.resolve(module.name().replace('.', '/')).resolve("main");
    Files.createDirectories(dir);
    for (Path r : module.resources()) {
      Files.copy(r, dir.resolve(r.getFileName()));
    }
    Files.writeString(dir.resolve("module.xml"), module.descriptor());
    String xml = Files.readString(standaloneXml);
    String ee = "<subsystem xmlns=\"urn:jboss:domain:ee:6.0\">";
    if (!xml.contains(ee)) {
      throw new IOException("no ee subsystem 6.0 in " + standaloneXml);
    }
    Files.writeString(
        standaloneXml,
        xml.replace(
            ee,
            ee
                + "\n            <global-modules>\n                <module name=\""
                + module.name()
                + "\" services=\"true\"/>\n            </global-modules>"));
  }

  private static int freeOffset() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int offset = ThreadLocalRandom.current().nextInt(20000, 55000);
      if (IntStream.of(PORTS).allMatch(p -> ServerProcess.isFree(p + offset))) {
        return offset;
      }
    }
    throw new IOException("no free port offset for WildFly");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
