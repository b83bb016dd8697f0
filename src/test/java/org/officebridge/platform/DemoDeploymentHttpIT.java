package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.Http;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** The demo WAR in-process: the index lists the generated samples with both open links. */
class DemoDeploymentHttpIT {

  private static InProcessServer server;
  private final Http http = new Http();

  @BeforeAll
  static void start() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    server =
        InProcessServer.start(
            InProcessServer.demoWar(), TestSettings.forInProcess("http://127.0.0.1:9", data));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void indexListsEverySampleWithAnApiAndAWopiLink() throws Exception {
    HttpResponse<String> index = http.get(server.baseUrl());
    assertEquals(200, index.statusCode());
    String html = index.body();
    for (String title :
        new String[] {
          "Project report.docx",
          "Budget 2026.xlsx",
          "Kick-off.pptx",
          "Leave request.pdf",
          "Legacy memo.doc"
        }) {
      assertTrue(html.contains("data-title=\"" + title + "\""), title + " missing from the index");
    }
    int rows = count(html, "<tr data-doc-id=");
    assertTrue(rows >= 5);
    assertEquals(rows, count(html, "data-open=\"api\" href=\"editor?doc="));
    assertEquals(rows, count(html, "data-open=\"wopi\" href=\"wopi-host?doc="));
  }

  @Test
  void readinessReportsTheDemoHostsCapabilities() throws Exception {
    HttpResponse<String> ready = http.get(server.url("api/health/ready"));
    assertEquals(200, ready.statusCode());
    assertTrue(ready.body().contains("\"status\":\"UP\""), ready.body());
    assertTrue(ready.body().contains("\"versionHistory\":true"), ready.body());
  }

  @Test
  void switchingUserNeedsASameOriginRequestAndIsRemembered() throws Exception {
    URI switchUrl = server.url("demo/user");
    HttpRequest.Builder crossSite =
        HttpRequest.newBuilder(switchUrl)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", "http://evil.example")
            .POST(HttpRequest.BodyPublishers.ofString("user=viewer"));
    assertEquals(403, http.send(crossSite).statusCode());

    String origin = "http://" + switchUrl.getAuthority();
    HttpResponse<String> switched =
        http.send(
            HttpRequest.newBuilder(switchUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString("user=viewer")));
    assertEquals(302, switched.statusCode());
    String cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();
    assertTrue(cookie.startsWith("officebridge-demo-user=viewer"), cookie);
    assertTrue(cookie.contains("HttpOnly"), cookie);

    HttpResponse<String> index =
        http.send(
            HttpRequest.newBuilder(server.baseUrl())
                .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .GET());
    assertTrue(index.body().contains("<strong id=\"acting-user\">Victor Viewer</strong>"));
  }

  @Test
  void unknownDemoUserIsRefused() throws Exception {
    URI switchUrl = server.url("demo/user");
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(switchUrl)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://" + switchUrl.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString("user=mallory")));
    assertEquals(400, refused.statusCode());
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
