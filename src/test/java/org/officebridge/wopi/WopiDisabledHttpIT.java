package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.Http;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** With {@code wopi.enabled=false} the WOPI endpoints and the host page do not exist. */
class WopiDisabledHttpIT {

  private static InProcessServer server;
  private final Http http = new Http();

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "wopi-off-");
    Map<String, String> settings =
        new HashMap<>(TestSettings.forInProcess("http://127.0.0.1:9", data));
    settings.put("officebridge.wopi.enabled", "false");
    server = InProcessServer.start(InProcessServer.demoWar(), settings);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void hostPageAndFilesAnswer404() throws Exception {
    assertEquals(404, http.get(server.url("wopi-host?doc=abc")).statusCode());
    assertEquals(404, http.get(server.url("wopi/files/test-abc?access_token=x")).statusCode());
    URI url = server.url("wopi/files/test-abc?access_token=x");
    assertEquals(
        404,
        http.send(
                HttpRequest.newBuilder(url)
                    .header("X-WOPI-Override", "LOCK")
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .statusCode());
  }
}
