package org.officebridge.callback;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** The callback contract against the demo WAR in-process. */
class CallbackHttpIT extends CallbackContract {

  private static InProcessServer server;
  private static Path data;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(), TestSettings.forInProcess("http://127.0.0.1:9", data));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Override
  URI baseUrl() {
    return server.baseUrl();
  }

  @Override
  Path demoData() {
    return data;
  }

  @Override
  String jwtSecret() {
    return TestSettings.JWT_SECRET;
  }

  @Override
  String linkSecret() {
    return TestSettings.LINK_SECRET;
  }
}
