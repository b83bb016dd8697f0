package org.officebridge.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.cdi.CdiConfiguration;
import org.eclipse.jetty.ee10.cdi.CdiDecoratingListener;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;

/**
 * A built WAR running in this JVM on Jetty 12 + Weld + Jersey, on 127.0.0.1 and a free port, under
 * {@code /officebridge}. The connector reads its settings from system properties, so they are set
 * before the web application starts and restored when the server stops.
 */
public final class InProcessServer implements AutoCloseable {

  /** The context path, as on WildFly and Payara. */
  public static final String CONTEXT = "/officebridge";

  private final Server server;
  private final URI baseUrl;
  private final Map<String, String> previous;

  private InProcessServer(Server server, URI baseUrl, Map<String, String> previous) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.previous = previous;
  }

  /**
   * @return the demo WAR built by this project
   */
  public static Path demoWar() {
    return Path.of(
        System.getProperty("officebridge.test.demo-war", "target/officebridge-demo.war"));
  }

  /**
   * Starts a WAR.
   *
   * @param war the WAR file
   * @param settings system properties to set while it runs ({@code officebridge.connector.url} is
   *     added with the chosen port unless given)
   * @return the running server
   * @throws Exception when the server or the application fails to start
   */
  public static InProcessServer start(Path war, Map<String, String> settings) throws Exception {
    return start(war, settings, freePort());
  }

  /**
   * Starts a WAR on a given port, for example again on the port of one that was stopped (a node
   * restart: the Document Server keeps calling the same URLs).
   *
   * @param war the WAR file
   * @param settings system properties to set while it runs
   * @param port the port on 127.0.0.1
   * @return the running server
   * @throws Exception when the server or the application fails to start
   */
  public static InProcessServer start(Path war, Map<String, String> settings, int port)
      throws Exception {
    URI base = URI.create("http://127.0.0.1:" + port + CONTEXT + "/");
    Map<String, String> effective = new HashMap<>(settings);
    effective.putIfAbsent("officebridge.connector.url", "http://127.0.0.1:" + port + CONTEXT);
    Map<String, String> previous = new HashMap<>();
    effective.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));

    Server server = new Server(new InetSocketAddress("127.0.0.1", port));
    WebAppContext app = new WebAppContext();
    app.setContextPath(CONTEXT);
    app.setWar(war.toString());
    Path work = Files.createTempDirectory(Path.of("target"), "jetty-");
    app.setTempDirectory(work.toFile());
    app.addConfiguration(new AnnotationConfiguration(), new CdiConfiguration());
    app.setInitParameter("org.eclipse.jetty.ee10.cdi", CdiDecoratingListener.MODE);
    app.setAttribute(
        "org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern",
        ".*/weld-servlet-core-[^/]*\\.jar$|.*/jersey-container-servlet[^/]*\\.jar$");
    app.setAttribute(
        "org.eclipse.jetty.containerInitializerOrder",
        "org.eclipse.jetty.ee10.cdi.CdiServletContainerInitializer,"
            + " org.jboss.weld.environment.servlet.EnhancedListener, *");
    app.setThrowUnavailableOnStartupException(true);
    server.setHandler(app);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      restore(previous);
      throw e;
    }
    if (app.getUnavailableException() != null) {
      server.stop();
      restore(previous);
      throw new IllegalStateException(
          "the web application did not start", app.getUnavailableException());
    }
    return new InProcessServer(server, base, previous);
  }

  /**
   * @return the port it listens on
   */
  public int port() {
    return baseUrl.getPort();
  }

  /**
   * @return the application's base URL, ending with a slash
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * @param path a path relative to the application
   * @return its absolute URL
   */
  public URI url(String path) {
    return baseUrl.resolve(path);
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop();
    } finally {
      restore(previous);
    }
  }

  private static void restore(Map<String, String> previous) {
    previous.forEach(
        (k, v) -> {
          if (v == null) {
            System.clearProperty(k);
          } else {
            System.setProperty(k, v);
          }
        });
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
