package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.json.Json;

class FaultsTest {

  private FakeDms dms;
  private RunningStandIn ds;

  @BeforeEach
  void start() throws Exception {
    dms = new FakeDms();
    ds = StandIn.builder().callbackDelay(Duration.ofMillis(50)).start();
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    dms.close();
  }

  private CallbackRecord savedSession(String key, int paragraphs) throws Exception {
    String[] lines = new String[paragraphs];
    java.util.Arrays.fill(lines, "Some text to make the document larger than a few bytes");
    URI url = dms.serveDocument("/files/" + key + ".docx", "docx", List.of(lines));
    ds.openEditor(TestConfigs.config(key, url, "docx", dms.callbackUrl("u1"), "u1", "U"));
    ds.edit(key, "u1");
    ds.leave(key, "u1");
    return ds.callbacks()
        .await(r -> r.key().equals(key) && r.status() == 2, Duration.ofSeconds(10))
        .orElseThrow();
  }

  @Test
  void cutOffDocumentDownloadsFailMidBodyWhileChangesStillWork() throws Exception {
    ds.faults().cutDownloadsAfter(100, Faults.FileKind.DOCUMENT);
    CallbackRecord saved = savedSession("cut", 3);
    HttpClient http = HttpClient.newHttpClient();
    assertThrows(
        IOException.class,
        () ->
            http.send(
                HttpRequest.newBuilder(URI.create(saved.url().orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofByteArray()));
    HttpResponse<byte[]> changes =
        http.send(
            HttpRequest.newBuilder(URI.create((String) saved.body().get("changesurl"))).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, changes.statusCode());
    Ooxml.entries(changes.body());
  }

  @Test
  void slowDownloadsTakeTheirTime() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append("line ").append(i).append('\n');
    }
    URI url =
        dms.serve(
            "/files/slow.txt", text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    ds.openEditor(TestConfigs.config("slow", url, "txt", dms.callbackUrl("u1"), "u1", "U"));
    ds.edit("slow", "u1");
    ds.leave("slow", "u1");
    CallbackRecord saved =
        ds.callbacks()
            .await(r -> r.key().equals("slow") && r.status() == 2, Duration.ofSeconds(10))
            .orElseThrow();
    ds.faults().slowDownloads(Duration.ofMillis(100));
    long start = System.nanoTime();
    byte[] body = StandInHttp.get(URI.create(saved.url().orElseThrow())).body();
    assertTrue(body.length > 8192, "more than one chunk");
    assertTrue(System.nanoTime() - start >= 200_000_000L, "at least two pauses");
  }

  @Test
  void duplicateCallbacksArriveTwice() throws Exception {
    ds.faults().duplicateCallbacks(true);
    URI url = dms.serveDocument("/files/dup.docx", "docx", List.of("D"));
    ds.openEditor(TestConfigs.config("dup", url, "docx", dms.callbackUrl("u1"), "u1", "U"));
    ds.callbacks().awaitCount(r -> r.key().equals("dup"), 2, Duration.ofSeconds(10));
    List<FakeDms.Received> got = dms.callbacks();
    assertEquals(2, got.size());
    assertEquals(
        Json.parseObject(got.get(0).text()).get("status"),
        Json.parseObject(got.get(1).text()).get("status"));
  }

  @Test
  void outOfOrderCallbacksSwapPairs() throws Exception {
    ds.faults().outOfOrderCallbacks(true);
    URI url = dms.serveDocument("/files/ooo.docx", "docx", List.of("O"));
    ds.openEditor(TestConfigs.config("ooo", url, "docx", dms.callbackUrl("u1"), "u1", "U"));
    ds.openEditor(TestConfigs.config("ooo", url, "docx", dms.callbackUrl("u2"), "u2", "V"));
    ds.callbacks().awaitCount(r -> r.key().equals("ooo"), 2, Duration.ofSeconds(10));
    List<FakeDms.Received> got = dms.callbacks();
    assertEquals("/callback/u2", got.get(0).uri().getPath(), "the second join arrives first");
    assertEquals("/callback/u1", got.get(1).uri().getPath());
  }

  @Test
  void heldCallbackIsReleasedWhenNoSuccessorComes() throws Exception {
    ds.faults().outOfOrderCallbacks(true);
    URI url = dms.serveDocument("/files/held.docx", "docx", List.of("H"));
    ds.openEditor(TestConfigs.config("held", url, "docx", dms.callbackUrl("u1"), "u1", "U"));
    assertTrue(
        ds.callbacks().await(r -> r.key().equals("held"), Duration.ofSeconds(10)).isPresent());
  }

  @Test
  void faultsCanBeSetAndResetOverHttp() throws Exception {
    URI faults = ds.baseUrl().resolve("/standin/control/faults");
    Map<String, Object> set =
        StandInHttp.postJson(
            faults,
            Map.of(
                "duplicateCallbacks",
                true,
                "cutDownloadsAfterBytes",
                10,
                "cutDownloadsKind",
                "changes",
                "nextCommandError",
                3));
    assertEquals(true, set.get("duplicateCallbacks"));
    assertEquals("CHANGES", set.get("cutDownloadsKind"));
    assertEquals(
        3L,
        StandInHttp.postJson(ds.baseUrl().resolve("/command"), Map.of("c", "version"))
            .get("error"));
    Map<String, Object> reset = StandInHttp.postJson(faults, Map.of("reset", true));
    assertEquals(false, reset.get("duplicateCallbacks"));
    assertEquals(-1L, reset.get("cutDownloadsAfterBytes"));
  }
}
