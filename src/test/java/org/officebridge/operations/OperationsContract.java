package org.officebridge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.session.OpenOutcome;
import org.officebridge.testing.AdminClient;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.Http;

/**
 * Operations, black-box over HTTP against the demo WAR with the stand-in as the Document Server:
 * metrics (who may read them, counters that move), correlation ids, readiness, the admin endpoints
 * (who may use them, CSRF protection, every action on sessions, locks and forgotten files) and the
 * settings check on a working setup. The demo's owner is an administrator; the other demo users are
 * not.
 */
abstract class OperationsContract {

  static final Duration WAIT = Duration.ofSeconds(20);

  final Http http = new Http();

  abstract URI base();

  abstract RunningStandIn ds();

  abstract Path demoData();

  AdminClient admin() {
    return new AdminClient(base());
  }

  DemoClient client() {
    return new DemoClient(base());
  }

  DemoDms dms() {
    return new DemoDms(base(), demoData());
  }

  @BeforeEach
  void resetFaults() {
    ds().faults().reset();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A document opened for editing through the stand-in by a demo user. */
  record Session(String doc, String key) {}

  Session openForEditing(String user) throws Exception {
    String doc = client().createDocument("owner", "ops-" + UUID.randomUUID(), "docx");
    DemoClient.EditorPage page = client().editor(user, "doc=" + doc);
    assertEquals(200, page.response().statusCode(), page.response().body());
    OpenOutcome opened = ds().openEditor(page.config());
    assertTrue(opened.opened(), String.valueOf(opened.describe()));
    return new Session(doc, (String) page.config("document.key"));
  }

  CallbackRecord awaitCallback(Predicate<CallbackRecord> which, String what) throws Exception {
    return ds().callbacks()
        .await(which, WAIT)
        .orElseThrow(() -> new AssertionError("no " + what + ": " + ds().callbacks().all()));
  }

  String scrape() throws Exception {
    HttpResponse<String> r = admin().metrics("owner");
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  static double metric(String scrape, String name, String... labels) {
    Map<String, String> l = new java.util.LinkedHashMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      l.put(labels[i], labels[i + 1]);
    }
    return AdminClient.metric(scrape, name, l);
  }

  static Map<String, Object> json(HttpResponse<String> r) {
    return DemoClient.object(r.body());
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(HttpResponse<String> r) {
    return (List<Map<String, Object>>) DemoClient.parse(r.body());
  }

  // ---- metrics -------------------------------------------------------------------------------

  @Test
  void metricsAreForAdministratorsOnly() throws Exception {
    HttpResponse<String> refused = admin().metrics("editor");
    assertEquals(403, refused.statusCode(), refused.body());
    assertFalse(refused.body().contains("officebridge_"), "no metric leaks into a refusal");
    HttpResponse<String> r = admin().metrics("owner");
    assertEquals(200, r.statusCode());
    String type = r.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    assertTrue(
        type.startsWith("text/plain") && type.contains("version=0.0.4"), r.headers().toString());
    assertTrue(r.body().contains("# TYPE officebridge_callbacks_total counter"), r.body());
  }

  @Test
  void metricsCountCallbacksSavesAndStreamedBytes() throws Exception {
    String before = scrape();
    Session s = openForEditing("editor");
    ds().edit(s.key(), "editor");
    ds().leave(s.key(), "editor");
    awaitCallback(r -> r.key().equals(s.key()) && r.status() == 2 && r.accepted(), "final save");
    String after = scrape();
    for (String[] series :
        new String[][] {
          {"officebridge_callbacks_total", "status", "2", "outcome", "saved"},
          {"officebridge_callbacks_total", "status", "1", "outcome", "session-started"},
          {"officebridge_saves_total", "protocol", "docs-api", "kind", "final"},
          {"officebridge_callback_duration_seconds_count", "status", "2"}
        }) {
      String name = series[0];
      String[] labels = java.util.Arrays.copyOfRange(series, 1, series.length);
      assertTrue(
          metric(after, name, labels) >= metric(before, name, labels) + 1,
          name + " " + String.join(",", labels) + " did not move:\n" + after);
    }
    for (String stream : List.of("document-download", "callback-download")) {
      assertTrue(
          metric(after, "officebridge_streamed_bytes_total", "stream", stream)
              > metric(before, "officebridge_streamed_bytes_total", "stream", stream),
          stream);
    }
  }

  @Test
  void metricsCountRefusedTokensAndLinks() throws Exception {
    String before = scrape();
    HttpResponse<String> forged =
        http.send(
            HttpRequest.newBuilder(base().resolve("callback/forged.link"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"status\":1}")));
    assertEquals(403, forged.statusCode());
    String after = scrape();
    assertEquals(
        metric(
                before,
                "officebridge_token_rejections_total",
                "endpoint",
                "callback",
                "reason",
                "link-signature")
            + 1,
        metric(
            after,
            "officebridge_token_rejections_total",
            "endpoint",
            "callback",
            "reason",
            "link-signature"),
        after);
    assertTrue(
        metric(after, "officebridge_callbacks_total", "status", "none", "outcome", "refused")
            > metric(
                before, "officebridge_callbacks_total", "status", "none", "outcome", "refused"));
  }

  @Test
  void metricsCountWopiRequestsByOperationAndStatus() throws Exception {
    String doc = client().createDocument("owner", "ops-wopi-" + UUID.randomUUID(), "docx");
    HttpResponse<String> page = admin().get("editor", "wopi-host?doc=" + doc + "&action=view");
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    String token = unescape(find(html, "name=\"access_token\" type=\"hidden\" value=\"([^\"]*)\""));
    long ttl =
        Long.parseLong(find(html, "name=\"access_token_ttl\" type=\"hidden\" value=\"(\\d+)\""));
    String action = unescape(find(html, "<form id=\"office_form\"[^>]* action=\"([^\"]*)\""));
    String wopiSrc = URLDecoder.decode(find(action, "[?&]wopisrc=([^&]*)"), StandardCharsets.UTF_8);
    String before = scrape();
    ds().openWopi(URI.create(action), token, ttl);
    HttpResponse<String> forged = http.get(URI.create(wopiSrc + "?access_token=forged"));
    assertEquals(401, forged.statusCode());
    String after = scrape();
    assertTrue(
        metric(
                after,
                "officebridge_wopi_requests_total",
                "operation",
                "CheckFileInfo",
                "status",
                "200")
            >= metric(
                    before,
                    "officebridge_wopi_requests_total",
                    "operation",
                    "CheckFileInfo",
                    "status",
                    "200")
                + 1,
        after);
    assertTrue(
        metric(after, "officebridge_wopi_requests_total", "operation", "GetFile", "status", "200")
            >= metric(
                    before,
                    "officebridge_wopi_requests_total",
                    "operation",
                    "GetFile",
                    "status",
                    "200")
                + 1,
        after);
    assertTrue(
        metric(after, "officebridge_streamed_bytes_total", "stream", "wopi-getfile")
            > metric(before, "officebridge_streamed_bytes_total", "stream", "wopi-getfile"));
    assertEquals(
        metric(
                before,
                "officebridge_token_rejections_total",
                "endpoint",
                "wopi",
                "reason",
                "malformed")
            + 1,
        metric(
            after,
            "officebridge_token_rejections_total",
            "endpoint",
            "wopi",
            "reason",
            "malformed"),
        after);
  }

  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no " + regex + " in " + text);
    return m.group(1);
  }

  static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  // ---- correlation ids and readiness ---------------------------------------------------------

  @Test
  void correlationIdsComeFromTheWopiClientOrAreMadeUp() throws Exception {
    HttpResponse<String> given =
        http.send(
            HttpRequest.newBuilder(base().resolve("api/health/live"))
                .header("X-WOPI-CorrelationId", "wopi-corr-42")
                .GET());
    assertEquals("wopi-corr-42", given.headers().firstValue("X-Correlation-Id").orElse(""));
    HttpResponse<String> hostile =
        http.send(
            HttpRequest.newBuilder(base().resolve("api/health/live"))
                .header("X-WOPI-CorrelationId", "<script>alert(1)</script>")
                .GET());
    String made = hostile.headers().firstValue("X-Correlation-Id").orElse("");
    assertTrue(made.matches("[0-9a-f]{16}"), made);
  }

  @Test
  void readinessReportsTheSessionStoreAndTheDocumentServer() throws Exception {
    HttpResponse<String> r = http.get(base().resolve("api/health/ready"));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("UP", json(r).get("sessionStore"));
    long deadline = System.nanoTime() + WAIT.toNanos();
    Object ds;
    do {
      Thread.sleep(100);
      ds =
          DemoClient.at(
              json(http.get(base().resolve("api/health/ready"))), "documentServer.status");
    } while (!"UP".equals(ds) && System.nanoTime() < deadline);
    assertEquals("UP", ds);
  }

  // ---- admin: who may ------------------------------------------------------------------------

  @Test
  void adminEndpointsAndPageAreForAdministratorsOnly() throws Exception {
    for (String path :
        List.of(
            "api/admin/whoami",
            "api/admin/sessions",
            "api/admin/forgotten",
            "api/admin/settings-check",
            "admin")) {
      HttpResponse<String> r = admin().get("editor", path);
      assertEquals(403, r.statusCode(), path + ": " + r.body());
    }
    HttpResponse<String> page = admin().get("owner", "admin");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"officebridge-admin\""));
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("frame-ancestors 'none'"));
  }

  @Test
  void adminChangesNeedTheSameOriginAndTheAdministratorsToken() throws Exception {
    String token = admin().token("owner");
    String body = "{\"key\":\"k1\"}";
    HttpResponse<String> noToken =
        admin().post("owner", "sessions/d1/release", body, null, admin().origin());
    assertEquals(403, noToken.statusCode());
    assertEquals("token", json(noToken).get("error"));
    HttpResponse<String> forged =
        admin()
            .post(
                "owner",
                "sessions/d1/release",
                body,
                token.substring(0, token.length() - 2) + "xx",
                admin().origin());
    assertEquals(403, forged.statusCode());
    HttpResponse<String> crossSite =
        admin().post("owner", "sessions/d1/release", body, token, "https://evil.example");
    assertEquals(403, crossSite.statusCode());
    assertEquals("cross-site", json(crossSite).get("error"));
    HttpResponse<String> noOrigin = admin().post("owner", "sessions/d1/release", body, token, null);
    assertEquals(403, noOrigin.statusCode());
    HttpResponse<String> notAdmin =
        admin().post("editor", "sessions/d1/release", body, token, admin().origin());
    assertEquals(403, notAdmin.statusCode());
    assertEquals("forbidden", json(notAdmin).get("error"));
  }

  @Test
  void badAdminInputIs400AndChangesNothing() throws Exception {
    Session s = openForEditing("editor");
    for (String[] bad :
        new String[][] {
          {"sessions/" + s.doc() + "/release", "not json"},
          {"sessions/" + s.doc() + "/release", "{}"},
          {"sessions/" + s.doc() + "/drop", "{\"key\":\"" + s.key() + "\"}"},
          {"sessions/bad%20id/release", "{\"key\":\"" + s.key() + "\"}"},
          {"sessions/" + s.doc() + "/forcesave", "{\"key\":\"bad key!\"}"},
          {"forgotten/k1/recover", "{\"as\":\"somewhere\"}"}
        }) {
      HttpResponse<String> r = admin().post("owner", bad[0], bad[1]);
      assertEquals(400, r.statusCode(), bad[0] + " " + bad[1] + ": " + r.body());
    }
    assertTrue(
        list(admin().get("owner", "api/admin/sessions")).stream()
            .anyMatch(row -> s.doc().equals(row.get("document"))),
        "the session is still there");
    ds().leave(s.key(), "editor");
  }

  // ---- admin: sessions and locks -------------------------------------------------------------

  @Test
  void anAdministratorListsForceSavesDropsAndReleasesASession() throws Exception {
    Session s = openForEditing("editor");
    awaitCallback(r -> r.key().equals(s.key()) && r.status() == 1 && r.accepted(), "status 1");
    Map<String, Object> row =
        list(admin().get("owner", "api/admin/sessions")).stream()
            .filter(r -> s.doc().equals(r.get("document")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the session is not listed"));
    assertEquals(s.key(), row.get("key"));
    assertEquals("docs-api", row.get("protocol"));
    assertEquals(List.of("editor"), row.get("editors"));

    ds().edit(s.key(), "editor");
    HttpResponse<String> forcesave =
        admin()
            .post("owner", "sessions/" + s.doc() + "/forcesave", "{\"key\":\"" + s.key() + "\"}");
    assertEquals(200, forcesave.statusCode(), forcesave.body());
    assertEquals("started", json(forcesave).get("outcome"));
    awaitCallback(r -> r.key().equals(s.key()) && r.status() == 6 && r.accepted(), "forcesave");
    assertEquals(2, dms().versions(s.doc()).size(), "the forcesave stored a version");
    HttpResponse<String> stale =
        admin().post("owner", "sessions/" + s.doc() + "/release", "{\"key\":\"another-key\"}");
    assertEquals(409, stale.statusCode(), stale.body());
    assertEquals("session-changed", json(stale).get("error"));
    HttpResponse<String> release =
        admin().post("owner", "sessions/" + s.doc() + "/release", "{\"key\":\"" + s.key() + "\"}");
    assertEquals(200, release.statusCode(), release.body());
    assertTrue(
        list(admin().get("owner", "api/admin/sessions")).stream()
            .noneMatch(r -> s.doc().equals(r.get("document"))),
        "released");
    HttpResponse<String> gone =
        admin()
            .post("owner", "sessions/" + s.doc() + "/forcesave", "{\"key\":\"" + s.key() + "\"}");
    assertEquals(404, gone.statusCode(), gone.body());
    ds().leave(s.key(), "editor");
  }

  @Test
  void anAdministratorDropsOneUserFromASession() throws Exception {
    Session s = openForEditing("editor");
    awaitCallback(r -> r.key().equals(s.key()) && r.status() == 1 && r.accepted(), "status 1");
    HttpResponse<String> unknown =
        admin()
            .post(
                "owner",
                "sessions/" + s.doc() + "/drop",
                "{\"key\":\"other-key\",\"user\":\"editor\"}");
    assertEquals(409, unknown.statusCode(), unknown.body());
    HttpResponse<String> drop =
        admin()
            .post(
                "owner",
                "sessions/" + s.doc() + "/drop",
                "{\"key\":\"" + s.key() + "\",\"user\":\"editor\"}");
    assertEquals(200, drop.statusCode(), drop.body());
    assertEquals("dropped", json(drop).get("outcome"));
    assertTrue(
        ds().session(s.key()).map(v -> !v.editors().contains("editor")).orElse(true),
        "the stand-in disconnected the user");
  }

  @Test
  void adminActionsTheDocumentServerCannotCarryOutSayWhy() throws Exception {
    Session s = openForEditing("editor");
    String body = "{\"key\":\"" + s.key() + "\"}";
    ds().faults().failNextCommand(1);
    HttpResponse<String> unknown =
        admin().post("owner", "sessions/" + s.doc() + "/forcesave", body);
    assertEquals(409, unknown.statusCode(), unknown.body());
    assertEquals("unknown-key", json(unknown).get("error"));
    ds().faults().failNextCommand(3);
    HttpResponse<String> failing =
        admin().post("owner", "sessions/" + s.doc() + "/forcesave", body);
    assertEquals(502, failing.statusCode(), failing.body());
    assertEquals("documentserver", json(failing).get("error"));
    ds().leave(s.key(), "editor");
  }

  @Test
  void aWopiSessionCannotBeForceSavedOrDroppedButCanBeReleased() throws Exception {
    String doc = client().createDocument("owner", "ops-wopi-lock-" + UUID.randomUUID(), "docx");
    HttpResponse<String> page = admin().get("editor", "wopi-host?doc=" + doc);
    assertEquals(200, page.statusCode(), page.body());
    String token =
        unescape(find(page.body(), "name=\"access_token\" type=\"hidden\" value=\"([^\"]*)\""));
    long ttl =
        Long.parseLong(
            find(page.body(), "name=\"access_token_ttl\" type=\"hidden\" value=\"(\\d+)\""));
    String action =
        unescape(find(page.body(), "<form id=\"office_form\"[^>]* action=\"([^\"]*)\""));
    ds().openWopi(URI.create(action), token, ttl);
    Map<String, Object> row =
        list(admin().get("owner", "api/admin/sessions")).stream()
            .filter(r -> doc.equals(r.get("document")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the WOPI lock is not listed"));
    assertEquals("wopi", row.get("protocol"));
    assertEquals(true, row.get("locked"));
    String body = "{\"key\":\"" + row.get("key") + "\",\"user\":\"editor\"}";
    for (String action2 : List.of("forcesave", "drop")) {
      HttpResponse<String> r = admin().post("owner", "sessions/" + doc + "/" + action2, body);
      assertEquals(409, r.statusCode(), r.body());
      assertEquals("wopi-session", json(r).get("error"));
    }
    HttpResponse<String> release = admin().post("owner", "sessions/" + doc + "/release", body);
    assertEquals(200, release.statusCode(), release.body());
  }

  @Test
  void forgottenFilesThatCannotBeRecoveredOrDeletedSayWhy() throws Exception {
    HttpResponse<String> noDocument =
        admin().post("owner", "forgotten/elsewhere-k1/recover", "{\"as\":\"version\"}");
    assertEquals(400, noDocument.statusCode(), noDocument.body());
    HttpResponse<String> unknown = admin().post("owner", "forgotten/elsewhere-k1/delete", "{}");
    assertEquals(404, unknown.statusCode(), unknown.body());
    assertEquals("unknown-key", json(unknown).get("error"));
    HttpResponse<String> unknownCopy =
        admin().post("owner", "forgotten/elsewhere-k1/recover", "{\"as\":\"copy\"}");
    assertEquals(404, unknownCopy.statusCode(), unknownCopy.body());
  }

  // ---- admin: forgotten files ----------------------------------------------------------------

  @Test
  void anAdministratorRecoversAForgottenFileAsANewVersion() throws Exception {
    Session s = openForEditing("editor");
    ds().edit(s.key(), "editor");
    dms().failNextStores(100);
    try {
      ds().leave(s.key(), "editor");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!ds().forgottenKeys().contains(s.key())) {
        assertTrue(System.nanoTime() < deadline, "the stand-in kept no forgotten file");
        Thread.sleep(100);
      }
    } finally {
      dms().failNextStores(0);
    }
    Map<String, Object> listed =
        list(admin().get("owner", "api/admin/forgotten")).stream()
            .filter(r -> s.key().equals(r.get("key")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("not listed"));
    assertEquals(s.doc(), listed.get("document"));
    int versions = dms().versions(s.doc()).size();
    HttpResponse<String> recovered =
        admin().post("owner", "forgotten/" + s.key() + "/recover", "{\"as\":\"version\"}");
    assertEquals(200, recovered.statusCode(), recovered.body());
    assertEquals("recovered", json(recovered).get("outcome"));
    assertEquals(true, json(recovered).get("deleted"));
    assertEquals(versions + 1, dms().versions(s.doc()).size());
    assertFalse(ds().forgottenKeys().contains(s.key()), "deleted from the Document Server");
    HttpResponse<String> again =
        admin().post("owner", "forgotten/" + s.key() + "/recover", "{\"as\":\"copy\"}");
    assertEquals(404, again.statusCode(), again.body());
  }

  // ---- the settings check --------------------------------------------------------------------

  @Test
  void theSettingsCheckPassesEveryDirectionOfAWorkingSetup() throws Exception {
    HttpResponse<String> r = admin().get("owner", "api/admin/settings-check");
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> report = json(r);
    assertEquals("passed", report.get("outcome"), r.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
    for (String check :
        List.of("ds-healthcheck", "ds-jwt", "wopi-discovery", "ds-download", "ds-result")) {
      Map<String, Object> c =
          checks.stream().filter(x -> check.equals(x.get("check"))).findFirst().orElseThrow();
      assertEquals("passed", c.get("status"), check + ": " + c.get("message"));
    }
    assertFalse(
        r.body().contains("officebridge-integration-test-secret"), "no secret in the report");
    String metrics = scrape();
    assertEquals(1, metric(metrics, "officebridge_settings_check_ok", "check", "ds-download"));
  }
}
