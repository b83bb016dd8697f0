package org.officebridge.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * The hostile corpus against the demo WAR in-process, proofs required, with the Document Server
 * allow-list set to 127.0.0.1 only (the cases sent from 127.0.0.2 are outside it).
 */
class HostileCorpusHttpIT extends HostileCorpusContract {

  private RunningStandIn ds;
  private InProcessServer server;
  private Path data;

  @BeforeAll
  void start() throws Exception {
    ds = StandIn.builder().jwtSecret(TestSettings.JWT_SECRET).start();
    data = Files.createTempDirectory(Path.of("target"), "corpus-data-");
    Map<String, String> settings = TestSettings.forInProcess(ds.baseUrl().toString(), data);
    settings.put("officebridge.wopi.proof-keys", "required");
    settings.put("officebridge.ds.allowed-addresses", "127.0.0.1");
    server = InProcessServer.start(InProcessServer.demoWar(), settings);
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      if (ds != null) {
        ds.close();
      }
    }
  }

  @Override
  CorpusFixture.Target target() {
    return new CorpusFixture.Target(
        server.baseUrl(),
        server.baseUrl().toString().replaceAll("/$", ""),
        data,
        ds,
        TestSettings.JWT_SECRET,
        TestSettings.LINK_SECRET,
        "in-process");
  }
}
