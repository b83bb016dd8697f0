package org.officebridge.wopi;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** The WOPI host contract on the demo WAR in-process, with proofs required. */
class WopiHostHttpIT extends WopiHostContract {

  private static RunningStandIn ds;
  private static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .start();
    Path data = Files.createTempDirectory(Path.of("target"), "wopi-data-");
    Map<String, String> settings =
        new java.util.HashMap<>(TestSettings.forInProcess(ds.baseUrl().toString(), data));
    settings.put("officebridge.wopi.proof-keys", "required");
    server = InProcessServer.start(InProcessServer.demoWar(), settings);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (ds != null) {
      ds.close();
    }
  }

  @Override
  URI base() {
    return server.baseUrl();
  }

  @Override
  RunningStandIn ds() {
    return ds;
  }
}
