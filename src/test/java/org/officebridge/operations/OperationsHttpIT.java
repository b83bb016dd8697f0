package org.officebridge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * The operations contract on the demo WAR in-process, plus what only an in-process run can see: the
 * metrics scrape token, and the log lines (audit lines, correlation ids, no token anywhere).
 */
class OperationsHttpIT extends OperationsContract {

  private static final String SCRAPE_TOKEN = "operations-scrape-token-0123456789-abcdefgh";

  private static RunningStandIn standIn;
  private static InProcessServer server;
  private static Path data;
  private static final List<LogRecord> LOGS = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          LOGS.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() throws Exception {
    Logger.getLogger("org.officebridge").addHandler(CAPTURE);
    data = Files.createTempDirectory(Path.of("target"), "ops-data-");
    standIn =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .retryBaseDelay(Duration.ofMillis(200))
            .start();
    Map<String, String> settings =
        new HashMap<>(TestSettings.forInProcess(standIn.baseUrl().toString(), data));
    settings.put("officebridge.metrics.token", SCRAPE_TOKEN);
    settings.put("officebridge.settings-check.timeout", "PT2M");
    server = InProcessServer.start(InProcessServer.demoWar(), settings);
  }

  @AfterAll
  static void stop() throws Exception {
    Logger.getLogger("org.officebridge").removeHandler(CAPTURE);
    try {
      server.close();
    } finally {
      standIn.close();
    }
  }

  @Override
  URI base() {
    return server.baseUrl();
  }

  @Override
  RunningStandIn ds() {
    return standIn;
  }

  @Override
  Path demoData() {
    return data;
  }

  @Test
  void aScraperWithTheTokenReadsTheMetricsAndOneWithAnotherTokenDoesNot() throws Exception {
    HttpResponse<String> ok =
        http.send(
            HttpRequest.newBuilder(base().resolve("api/metrics"))
                .header("Authorization", "Bearer " + SCRAPE_TOKEN)
                .header("Cookie", "officebridge-demo-user=viewer")
                .GET());
    assertEquals(200, ok.statusCode());
    assertTrue(ok.body().contains("officebridge_callbacks_total"));
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(base().resolve("api/metrics"))
                .header("Authorization", "Bearer " + SCRAPE_TOKEN + "x")
                .header("Cookie", "officebridge-demo-user=viewer")
                .GET());
    assertEquals(403, wrong.statusCode());
    HttpResponse<String> basic =
        http.send(
            HttpRequest.newBuilder(base().resolve("api/metrics"))
                .header("Authorization", "Basic " + SCRAPE_TOKEN)
                .header("Cookie", "officebridge-demo-user=viewer")
                .GET());
    assertEquals(403, basic.statusCode());
  }

  @Test
  void adminActionsAreAuditedWithTheirCorrelationIdAndNoTokenIsEverLogged() throws Exception {
    Session s = openForEditing("editor");
    String token = admin().token("owner");
    HttpResponse<String> release =
        http.send(
            HttpRequest.newBuilder(base().resolve("api/admin/sessions/" + s.doc() + "/release"))
                .header("Cookie", "officebridge-demo-user=owner")
                .header("Origin", admin().origin())
                .header("X-Officebridge-Admin-Token", token)
                .header("X-Correlation-Id", "audit-corr-7")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + s.key() + "\"}")));
    assertEquals(200, release.statusCode(), release.body());
    String audit =
        LOGS.stream()
            .map(LogRecord::getMessage)
            .filter(m -> m != null && m.startsWith("event=admin-action action=release"))
            .filter(m -> m.contains("cid=audit-corr-7"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no audit line"));
    assertTrue(
        audit.contains(
            "admin=owner via=host doc=" + s.doc() + " key=" + s.key() + " outcome=released"),
        audit);
    for (LogRecord r : LOGS) {
      String m = String.valueOf(r.getMessage());
      assertFalse(m.contains(token), "the admin token was logged: " + m);
      assertFalse(m.contains(TestSettings.JWT_SECRET), "the secret was logged: " + m);
      assertFalse(m.contains(SCRAPE_TOKEN), "the scrape token was logged: " + m);
      assertFalse(m.matches(".*eyJ[0-9A-Za-z_-]{10,}\\..*"), "a JWT was logged: " + m);
    }
    ds().leave(s.key(), "editor");
  }
}
