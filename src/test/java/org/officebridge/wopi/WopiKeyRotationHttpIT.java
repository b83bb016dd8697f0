package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * A WOPI client rotating its proof keys: the host fetches discovery again when a proof fails, at
 * most once a minute (its own server, since that limit is the server's state).
 */
class WopiKeyRotationHttpIT {

  private static RunningStandIn ds;
  private static InProcessServer server;
  private static final WopiHostContract helper =
      new WopiHostContract() {
        @Override
        URI base() {
          return server.baseUrl();
        }

        @Override
        RunningStandIn ds() {
          return ds;
        }
      };

  @BeforeAll
  static void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .start();
    Path data = Files.createTempDirectory(Path.of("target"), "wopi-rotation-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(), TestSettings.forInProcess(ds.baseUrl().toString(), data));
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

  @Test
  void rotatedKeysAreFetchedAgainOnceWhenAProofFails() throws Exception {
    WopiHostContract.Opened o = helper.open("owner", helper.newDocument("owner", "docx"));
    assertEquals(200, helper.get(o.fileUrl()).statusCode());
    long fetched = ds.discoveryFetches();
    assertTrue(fetched >= 1, "the host read the proof keys from discovery");
    ds.rotateProofKeys();
    assertEquals(200, helper.get(o.fileUrl()).statusCode(), "the old proof verifies");
    assertEquals(fetched, ds.discoveryFetches(), "no fetch while a published key verifies");
    ds.rotateProofKeys();
    assertEquals(200, helper.get(o.fileUrl()).statusCode(), "after fetching discovery again");
    assertEquals(fetched + 1, ds.discoveryFetches(), "exactly one fetch for the failed proof");
    ds.rotateProofKeys();
    ds.rotateProofKeys();
    assertEquals(500, helper.get(o.fileUrl()).statusCode(), "no second fetch within a minute");
    assertEquals(fetched + 1, ds.discoveryFetches(), "still the one fetch of this minute");
  }
}
