package org.officebridge.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * The hostile corpus against the demo WAR in-process, proofs required, with the Document Server
 * allow-list set to 127.0.0.1 only (the cases sent from 127.0.0.2 are outside it). The connector
 * logs in this JVM, so every log line it writes (FINE and up) is also checked: no token of any
 * kind, no secret.
 */
class HostileCorpusHttpIT extends HostileCorpusContract {

  private final List<String> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
          if (record.getParameters() != null) {
            line.append(' ').append(Arrays.toString(record.getParameters()));
          }
          for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(" | ").append(t);
          }
          synchronized (logged) {
            logged.add(line.toString());
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private RunningStandIn ds;
  private InProcessServer server;
  private Path data;

  @BeforeAll
  void start() throws Exception {
    capture.setLevel(Level.ALL);
    Logger.getLogger("org.officebridge").addHandler(capture);
    Logger.getLogger("org.officebridge").setLevel(Level.FINE);
    ds = StandIn.builder().jwtSecret(TestSettings.JWT_SECRET).start();
    data = Files.createTempDirectory(Path.of("target"), "corpus-data-");
    Map<String, String> settings = TestSettings.forInProcess(ds.baseUrl().toString(), data);
    settings.put("officebridge.wopi.proof-keys", "required");
    settings.put("officebridge.ds.allowed-addresses", "127.0.0.1");
    server = InProcessServer.start(InProcessServer.demoWar(), settings);
  }

  @Override
  List<String> newLogLines() {
    synchronized (logged) {
      List<String> lines = List.copyOf(logged);
      logged.clear();
      return lines;
    }
  }

  @AfterAll
  void stop() throws Exception {
    Logger.getLogger("org.officebridge").removeHandler(capture);
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
