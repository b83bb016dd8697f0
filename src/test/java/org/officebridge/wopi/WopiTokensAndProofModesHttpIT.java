package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * Access-token expiry and proof checking in {@code if-present} mode, on a server with six-second
 * tokens (so expiry can be waited for).
 */
class WopiTokensAndProofModesHttpIT {

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
    Path data = Files.createTempDirectory(Path.of("target"), "wopi-modes-");
    Map<String, String> settings =
        new HashMap<>(TestSettings.forInProcess(ds.baseUrl().toString(), data));
    settings.put("officebridge.wopi.proof-keys", "if-present");
    settings.put("officebridge.wopi.token-ttl", "6s");
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

  @Test
  void anExpiredAccessTokenIs401AndItsTtlMatchesTheExpiry() throws Exception {
    long before = Instant.now().toEpochMilli();
    WopiHostContract.Opened o = helper.open("owner", helper.newDocument("owner", "docx"));
    long after = Instant.now().toEpochMilli();
    org.junit.jupiter.api.Assertions.assertTrue(
        o.ttl() >= before + 6000 && o.ttl() <= after + 6000, "ttl " + o.ttl());
    assertEquals(200, helper.get(o.fileUrl()).statusCode());
    Thread.sleep(Math.max(0, o.ttl() - System.currentTimeMillis()) + 300);
    assertEquals(401, helper.get(o.fileUrl()).statusCode());
    assertEquals(
        401, helper.post(o.fileUrl(), "X-WOPI-Override", "LOCK", "X-WOPI-Lock", "L").statusCode());
  }

  @Test
  void withIfPresentARequestWithoutProofIsAcceptedButABadProofIsNot() throws Exception {
    WopiHostContract.Opened o = helper.open("owner", helper.newDocument("owner", "docx"));
    assertEquals(
        200, helper.http.send(HttpRequest.newBuilder(URI.create(o.fileUrl())).GET()).statusCode());
    assertEquals(
        500,
        helper
            .signedBy(
                o.fileUrl(), Instant.now(), WopiHostContract.Key.STRAY, WopiHostContract.Key.STRAY)
            .statusCode());
  }
}
