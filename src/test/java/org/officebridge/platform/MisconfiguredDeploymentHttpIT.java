package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** Deployment fails, naming the problem, without a host or with bad settings. */
class MisconfiguredDeploymentHttpIT {

  private static Path productionWar() {
    return Path.of(System.getProperty("officebridge.test.war", "target/officebridge.war"));
  }

  private static String failureOf(Path war, Map<String, String> settings) {
    Exception e = assertThrows(Exception.class, () -> InProcessServer.start(war, settings).close());
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  @Test
  void productionWarWithoutAHostNamesEveryMissingSpiPart() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    String failure =
        failureOf(productionWar(), TestSettings.forInProcess("http://127.0.0.1:9", data));
    assertTrue(failure.contains("org.officebridge.spi.DocumentStore"), failure);
    assertTrue(failure.contains("org.officebridge.spi.UserDirectory"), failure);
    assertTrue(failure.contains("org.officebridge.spi.AccessPolicy"), failure);
  }

  @Test
  void badSettingsAreAllNamedInTheFailure() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    Map<String, String> settings =
        new java.util.HashMap<>(TestSettings.forInProcess("not a url", data));
    settings.put("officebridge.jwt.secret", "short");
    String failure = failureOf(InProcessServer.demoWar(), settings);
    assertTrue(failure.contains("officebridge.ds.public-url"), failure);
    assertTrue(failure.contains("officebridge.jwt.secret"), failure);
  }
}
