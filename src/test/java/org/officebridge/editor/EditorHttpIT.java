package org.officebridge.editor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** The editor's HTTP checks against the demo WAR in-process (Jetty + Weld + Jersey). */
class EditorHttpIT extends EditorContract {

  private static InProcessServer server;
  private static RunningStandIn documentServer;

  @BeforeAll
  static void start() throws Exception {
    documentServer =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(100))
            .start();
    Path data = Files.createTempDirectory(Path.of("target"), "editor-data-");
    String ds = documentServer.baseUrl().toString().replaceAll("/$", "");
    server = InProcessServer.start(InProcessServer.demoWar(), TestSettings.forInProcess(ds, data));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      server.close();
    } finally {
      documentServer.close();
    }
  }

  @Override
  RunningStandIn documentServer() {
    return documentServer;
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
