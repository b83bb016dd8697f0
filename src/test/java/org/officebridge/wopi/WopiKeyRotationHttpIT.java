package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.FakeWopiClient;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * A WOPI client rotating its proof keys: the host fetches discovery again when a proof fails, at
 * most once a minute (its own server, since that limit is the server's state).
 */
class WopiKeyRotationHttpIT {

  private static FakeWopiClient client;
  private static InProcessServer server;
  private static final WopiHostContract helper =
      new WopiHostContract() {
        @Override
        URI base() {
          return server.baseUrl();
        }

        @Override
        FakeWopiClient client() {
          return client;
        }
      };

  @BeforeAll
  static void start() throws Exception {
    client = FakeWopiClient.start(0);
    Path data = Files.createTempDirectory(Path.of("target"), "wopi-rotation-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(),
            TestSettings.forInProcess(client.baseUrl().toString(), data));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (client != null) {
      client.close();
    }
  }

  @Test
  void rotatedKeysAreFetchedAgainOnceWhenAProofFails() throws Exception {
    WopiHostContract.Opened o = helper.open("owner", helper.newDocument("owner", "docx"));
    assertEquals(200, helper.get(o.fileUrl()).statusCode());
    client.rotateKeys();
    assertEquals(200, helper.get(o.fileUrl()).statusCode(), "the old proof verifies");
    client.rotateKeys();
    int fetches = client.discoveryFetches();
    assertEquals(200, helper.get(o.fileUrl()).statusCode(), "after fetching discovery again");
    assertEquals(fetches + 1, client.discoveryFetches());
    assertEquals(
        500,
        helper
            .signedBy(o.fileUrl(), Instant.now(), client.strangerKey(), client.strangerKey())
            .statusCode());
    assertEquals(fetches + 1, client.discoveryFetches(), "no second fetch within a minute");
  }
}
