package org.officebridge.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Facts about the managed server the *ServerIT tests run against, from the Maven profile. */
public final class ServerUnderTest {

  private ServerUnderTest() {}

  /**
   * @return "wildfly" or "payara"
   */
  public static String name() {
    return System.getProperty("it.server", "unknown");
  }

  /**
   * @return the port of the Document Server stand-in the server is configured to use
   */
  public static int standInPort() {
    return Integer.getInteger("it.standin.port", 18090);
  }

  /**
   * @return the settings file the server reads at each deployment
   */
  public static Path settingsFile() {
    return Path.of(System.getProperty("it.settings-file", "target/it-settings.properties"));
  }

  /**
   * Appends settings lines to the server's settings file, for a test that deploys with bad
   * settings; the returned handle restores the file.
   *
   * @param lines lines to append
   * @return restores the original content when closed
   * @throws IOException when the file cannot be changed
   */
  public static AutoCloseable withExtraSettings(String... lines) throws IOException {
    Path file = settingsFile();
    byte[] original = Files.readAllBytes(file);
    Files.writeString(file, "\n" + String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    return () -> Files.write(file, original);
  }
}
