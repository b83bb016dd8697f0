package org.officebridge.callback;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** The callback contracts against the demo WAR in-process, with the stand-in in this JVM. */
class CallbackHttpIT extends StandInCallbackContract {

  private static RunningStandIn standIn;
  private static InProcessServer server;
  private static Path data;

  @BeforeAll
  static void start() throws Exception {
    data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    standIn = standInBuilder(TestSettings.JWT_SECRET).start();
    server =
        InProcessServer.start(
            InProcessServer.demoWar(),
            TestSettings.forInProcess(standIn.baseUrl().toString(), data));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      server.close();
    } finally {
      standIn.close();
    }
  }

  @Override
  RunningStandIn standIn() {
    return standIn;
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
