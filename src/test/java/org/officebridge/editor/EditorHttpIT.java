package org.officebridge.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** The editor's HTTP checks against the demo WAR in-process (Jetty + Weld + Jersey). */
class EditorHttpIT extends EditorContract {

  private static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "editor-data-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(), TestSettings.forInProcess("http://127.0.0.1:9", data));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Override
  DemoClient client() {
    return new DemoClient(server.baseUrl());
  }

  @Override
  String jwtSecret() {
    return TestSettings.JWT_SECRET;
  }
}
