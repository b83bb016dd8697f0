package org.officebridge.standin.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.standin.json.Json;

class WopiFlowTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private FakeWopiHost host;
  private RunningStandIn ds;
  private Discovery discovery;

  @BeforeEach
  void start() throws Exception {
    host = new FakeWopiHost();
    ds =
        StandIn.builder()
            .callbackDelay(Duration.ofMillis(50))
            .wopiRefreshLockInterval(Duration.ofMinutes(10))
            .start();
    refreshKeys();
  }

  private void refreshKeys() throws Exception {
    discovery =
        new Discovery(
            HTTP.send(
                    HttpRequest.newBuilder(ds.discoveryUrl()).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    host.keys(
        FakeWopiHost.key(discovery.proofKey.get("modulus"), discovery.proofKey.get("exponent")),
        FakeWopiHost.key(
            discovery.proofKey.get("oldmodulus"), discovery.proofKey.get("oldexponent")));
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    host.close();
  }

  private static byte[] docx(String... lines) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OfficeDocuments.write("docx", List.of(lines), out);
    return out.toByteArray();
  }

  /** The host page's form POST to the resolved action URL; returns the frame's embedded state. */
  private Map<String, Object> formPost(URI action, String token, long ttl) throws Exception {
    String form =
        "access_token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8)
            + "&access_token_ttl="
            + ttl
            + "&docs_api_config="
            + URLEncoder.encode(
                "{\"editorConfig\":{\"customization\":{\"forcesave\":true}}}",
                StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m =
        Pattern.compile(
                "<script id=\"wopi-state\" type=\"application/json\">(.*?)</script>",
                Pattern.DOTALL)
            .matcher(r.body());
    assertTrue(m.find(), r.body());
    return Json.parseObject(m.group(1));
  }

  private Map<String, Object> act(String connection, String action, Map<String, Object> extra)
      throws Exception {
    Map<String, Object> body = new java.util.LinkedHashMap<>(extra);
    body.put("connection", connection);
    body.put("action", action);
    return Json.parseObject(
        HTTP.send(
                HttpRequest.newBuilder(ds.baseUrl().resolve("/standin/wopi/action"))
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private void awaitOperation(String override, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (host.seen(override).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(host.seen(override).size() >= count, override + " not seen");
  }

  @Test
  void drivesTheHostThroughAFullEditSessionWithValidProofs() throws Exception {
    host.files.put("file-1", new FakeWopiHost.HostFile("Report.docx", docx("Host text")));
    URI action = Discovery.resolve(discovery.find("edit", "docx").urlsrc(), host.wopiSrc("file-1"));
    long ttl = Instant.now().plusSeconds(36000).toEpochMilli();

    Map<String, Object> state = formPost(action, "token-alice", ttl);

    assertEquals(true, state.get("opened"), state::toString);
    Map<String, Object> info = Json.object(state, "checkFileInfo").orElseThrow();
    assertEquals("Report.docx", info.get("BaseFileName"));
    assertFalse(info.containsKey("FileUrl"), "FileUrl never reaches the browser");
    assertEquals("http://127.0.0.1:1234", state.get("postMessageOrigin"));
    assertEquals("de-DE", state.get("uiLanguage"));
    String conn = (String) Json.object(state, "connection").orElseThrow().get("id");
    assertEquals("edit", Json.object(state, "connection").orElseThrow().get("mode"));
    assertEquals(
        List.of("CHECK_FILE_INFO", "LOCK", "GET_FILE"),
        host.seen().stream().map(FakeWopiHost.Seen::override).toList());
    assertEquals("file-1", host.seen("LOCK").get(0).header("X-WOPI-Lock"));
    assertEquals("file-1", host.files.get("file-1").lock);
    assertEquals("104857600", host.seen("GET_FILE").get(0).header("X-WOPI-MaxExpectedSize"));

    String line = (String) act(conn, "edit", Map.of()).get("line");
    assertTrue(line.contains("User alice"));
    assertEquals(200L, act(conn, "save", Map.of()).get("status"));
    FakeWopiHost.Seen put = host.seen("PUT").get(0);
    assertEquals("file-1", put.header("X-WOPI-Lock"));
    assertEquals("alice", put.header("X-WOPI-Editors"));
    assertEquals("true", put.header("X-LOOL-WOPI-IsModifiedByUser"));
    assertEquals("false", put.header("X-LOOL-WOPI-IsAutosave"));
    assertEquals("false", put.header("X-LOOL-WOPI-IsExitSave"));
    assertTrue(put.path().endsWith("/wopi/files/file-1/contents"));
    assertTrue(
        org.officebridge.standin.OoxmlAccess.text(host.files.get("file-1").content).contains(line));

    assertEquals(200L, act(conn, "refreshLock", Map.of()).get("status"));
    assertEquals("file-1", host.seen("REFRESH_LOCK").get(0).header("X-WOPI-Lock"));

    Map<String, Object> renamed = act(conn, "rename", Map.of("name", "Résumé 日本 + more.docx"));
    assertEquals("Résumé 日本 + more", renamed.get("name"));
    FakeWopiHost.Seen rename = host.seen("RENAME_FILE").get(0);
    assertEquals(Utf7.encode("Résumé 日本 + more"), rename.header("X-WOPI-RequestedName"));
    assertTrue(rename.header("X-WOPI-RequestedName").chars().allMatch(c -> c < 128));
    assertEquals("file-1", rename.header("X-WOPI-Lock"));

    Map<String, Object> copy = act(conn, "saveAs", Map.of("target", "Kopie für Ämter.pdf"));
    assertEquals(200L, copy.get("status"));
    FakeWopiHost.Seen relative = host.seen("PUT_RELATIVE").get(0);
    assertEquals("Kopie für Ämter.pdf", Utf7.decode(relative.header("X-WOPI-SuggestedTarget")));
    assertNull(relative.header("X-WOPI-Lock"));
    assertNull(relative.header("X-WOPI-FileConversion"));
    assertEquals(Integer.toString(relative.body().length), relative.header("X-WOPI-Size"));
    assertTrue(new String(relative.body(), StandardCharsets.ISO_8859_1).startsWith("%PDF-"));

    act(conn, "edit", Map.of());
    act(conn, "close", Map.of());
    awaitOperation("UNLOCK", 1);
    FakeWopiHost.Seen exit = host.seen("PUT").get(1);
    assertEquals("true", exit.header("X-LOOL-WOPI-IsExitSave"));
    assertEquals("2030-01-01T00:00:02Z", exit.header("X-LOOL-WOPI-Timestamp"));
    assertEquals("", host.files.get("file-1").lock);
    List<String> order = host.seen().stream().map(FakeWopiHost.Seen::override).toList();
    assertTrue(order.lastIndexOf("PUT") < order.indexOf("UNLOCK"), order::toString);

    for (FakeWopiHost.Seen s : host.seen()) {
      assertTrue(s.proofCurrent(), s.override() + ": X-WOPI-Proof with the current key");
      assertTrue(s.proofOldWithCurrent() || s.proofWithOld() || s.proofCurrent());
      assertTrue(s.fullUrl().contains("access_token=token-alice"));
      assertNotNull(s.header("X-WOPI-ClientVersion"));
      assertNotNull(s.header("X-WOPI-CorrelationId"));
      assertNotNull(s.header("X-WOPI-SessionId"));
      long ticks = Long.parseLong(s.header("X-WOPI-TimeStamp"));
      long nowTicks = Instant.now().toEpochMilli() * 10_000 + 621355968000000000L;
      assertTrue(Math.abs(nowTicks - ticks) < 60L * 10_000_000, "fresh .NET ticks");
    }
    assertEquals(1, host.seen().stream().map(s -> s.header("X-WOPI-SessionId")).distinct().count());
    // the stand-in logs a request when its answer has arrived, a moment after the host saw it
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ds.wopiRequests().size() < host.seen().size() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(host.seen().size(), ds.wopiRequests().size());
  }

  @Test
  void proofOldIsSignedWithTheOldKeyAndRotationFollows() throws Exception {
    host.files.put("file-r", new FakeWopiHost.HostFile("R.docx", docx("R")));
    URI action = Discovery.resolve(discovery.find("view", "docx").urlsrc(), host.wopiSrc("file-r"));
    ds.openWopi(action, "token-bob", 0);
    FakeWopiHost.Seen first = host.seen().get(0);
    byte[] data =
        FakeWopiHost.proofData(
            "token-bob", first.fullUrl(), Long.parseLong(first.header("X-WOPI-TimeStamp")));
    var old =
        FakeWopiHost.key(
            discovery.proofKey.get("oldmodulus"), discovery.proofKey.get("oldexponent"));
    assertTrue(FakeWopiHost.verify(data, first.header("X-WOPI-ProofOld"), old));
    assertFalse(first.proofOldWithCurrent());

    ds.rotateProofKeys();
    ds.openWopi(action, "token-bob", 0);
    FakeWopiHost.Seen stale = host.seen().get(host.seen().size() - 1);
    assertFalse(stale.proofCurrent(), "host still has the keys from before the rotation");
    assertTrue(stale.proofOldWithCurrent(), "ProofOld (old key) = the host's current key");
    refreshKeys();
    ds.openWopi(action, "token-bob", 0);
    assertTrue(host.seen().get(host.seen().size() - 1).proofCurrent());
  }

  @Test
  void wrongKeyAndClockSkewFaultsProduceProofsAHostMustReject() throws Exception {
    host.files.put("file-f", new FakeWopiHost.HostFile("F.docx", docx("F")));
    URI action = Discovery.resolve(discovery.find("view", "docx").urlsrc(), host.wopiSrc("file-f"));
    ds.faults().proofsWithWrongKey(true);
    ds.openWopi(action, "token-c", 0);
    assertFalse(host.seen().get(0).proofValid());
    ds.faults().proofsWithWrongKey(false).clockSkew(Duration.ofMinutes(-30));
    ds.openWopi(action, "token-c", 0);
    FakeWopiHost.Seen skewed = host.seen().get(host.seen().size() - 1);
    assertTrue(skewed.proofValid(), "signed correctly");
    long ticks = Long.parseLong(skewed.header("X-WOPI-TimeStamp"));
    long nowTicks = Instant.now().toEpochMilli() * 10_000 + 621355968000000000L;
    assertTrue(nowTicks - ticks > 20L * 60 * 10_000_000, "older than 20 minutes");
  }

  @Test
  void proofVerifiesWithOpenssl(@TempDir Path dir) throws Exception {
    if (!onPath("openssl") && Boolean.getBoolean("officebridge.test.openssl-required")) {
      throw new IllegalStateException(
          "openssl is required here (-Dopenssl.required=true, as in CI): apt-get install openssl");
    }
    assumeTrue(onPath("openssl"), "skipped: openssl is not installed");
    host.files.put("file-o", new FakeWopiHost.HostFile("O.docx", docx("O")));
    ds.openWopi(
        Discovery.resolve(discovery.find("view", "docx").urlsrc(), host.wopiSrc("file-o")),
        "token-o",
        0);
    FakeWopiHost.Seen s = host.seen().get(0);
    var key =
        FakeWopiHost.key(discovery.proofKey.get("modulus"), discovery.proofKey.get("exponent"));
    Path pem = dir.resolve("pub.pem");
    Files.writeString(
        pem,
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PUBLIC KEY-----\n");
    Files.write(
        dir.resolve("data.bin"),
        FakeWopiHost.proofData(
            "token-o", s.fullUrl(), Long.parseLong(s.header("X-WOPI-TimeStamp"))));
    Files.write(dir.resolve("sig.bin"), Base64.getDecoder().decode(s.header("X-WOPI-Proof")));
    Process p =
        new ProcessBuilder(
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                pem.toString(),
                "-signature",
                dir.resolve("sig.bin").toString(),
                dir.resolve("data.bin").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("Verified OK"), out);
    Files.write(dir.resolve("data.bin"), FakeWopiHost.proofData("token-x", s.fullUrl(), 1));
    Process bad =
        new ProcessBuilder(
                "openssl",
                "dgst",
                "-sha256",
                "-verify",
                pem.toString(),
                "-signature",
                dir.resolve("sig.bin").toString(),
                dir.resolve("data.bin").toString())
            .redirectErrorStream(true)
            .start();
    bad.getInputStream().readAllBytes();
    assertTrue(bad.waitFor(30, TimeUnit.SECONDS));
    assertTrue(bad.exitValue() != 0, "a different payload must not verify");
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(d, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void convertFlowPutsARelativeFileWithFileConversionAndRedirectsToHostEditUrl() throws Exception {
    host.files.put(
        "legacy",
        new FakeWopiHost.HostFile(
            "Old.doc", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}));
    URI action =
        Discovery.resolve(discovery.find("convert", "doc").urlsrc(), host.wopiSrc("legacy"));

    Map<String, Object> refused = formPost(action, "token-d", 0);
    assertTrue(((String) refused.get("error")).contains("access_token_ttl"));

    Map<String, Object> state =
        formPost(action, "token-d", Instant.now().plusSeconds(3600).toEpochMilli());
    assertEquals(host.base() + "/edit/legacy-copy1", state.get("hostEditUrl"));
    FakeWopiHost.Seen put = host.seen("PUT_RELATIVE").get(0);
    assertEquals("true", put.header("X-WOPI-FileConversion"));
    assertEquals(".docx", Utf7.decode(put.header("X-WOPI-SuggestedTarget")));
    assertEquals("Old.docx", host.files.get("legacy-copy1").name);
    org.officebridge.standin.OoxmlAccess.text(host.files.get("legacy-copy1").content);
  }

  @Test
  void lockConflictFallsBackToViewMode() throws Exception {
    FakeWopiHost.HostFile f = new FakeWopiHost.HostFile("L.docx", docx("L"));
    f.lock = "someone-else";
    host.files.put("file-l", f);
    var opening =
        ds.openWopi(
            Discovery.resolve(discovery.find("edit", "docx").urlsrc(), host.wopiSrc("file-l")),
            "token-e",
            0);
    assertTrue(opening.opened());
    assertFalse(opening.connection().orElseThrow().edit());
    assertTrue(opening.warning().orElseThrow().contains("someone-else"));
  }

  @Test
  void readOnlyUserGetsViewModeAndNoLock() throws Exception {
    FakeWopiHost.HostFile f = new FakeWopiHost.HostFile("V.docx", docx("V"));
    f.extra.put("UserCanWrite", false);
    host.files.put("file-v", f);
    var opening =
        ds.openWopi(
            Discovery.resolve(discovery.find("edit", "docx").urlsrc(), host.wopiSrc("file-v")),
            "token-v",
            0);
    assertFalse(opening.connection().orElseThrow().edit());
    assertTrue(host.seen("LOCK").isEmpty());
  }

  @Test
  void emptyNewFileGetsABlankDocumentByPutFileWithoutLockFirst() throws Exception {
    host.files.put("new-1", new FakeWopiHost.HostFile("New.docx", new byte[0]));
    var opening =
        ds.openWopi(
            Discovery.resolve(discovery.find("editnew", "docx").urlsrc(), host.wopiSrc("new-1")),
            "token-n",
            0);
    assertTrue(opening.connection().orElseThrow().edit());
    assertEquals(
        List.of("CHECK_FILE_INFO", "PUT", "LOCK"),
        host.seen().stream().map(FakeWopiHost.Seen::override).toList());
    assertNull(host.seen("PUT").get(0).header("X-WOPI-Lock"));
    org.officebridge.standin.OoxmlAccess.text(host.files.get("new-1").content);
  }

  @Test
  void refreshLockRunsOnItsInterval() throws Exception {
    try (RunningStandIn quick =
        StandIn.builder().wopiRefreshLockInterval(Duration.ofMillis(100)).start()) {
      host.files.put("file-t", new FakeWopiHost.HostFile("T.docx", docx("T")));
      quick.openWopiSrc(URI.create(host.wopiSrc("file-t")), "edit", "token-t", 0);
      awaitOperation("REFRESH_LOCK", 2);
    }
  }

  @Test
  void coEditorsShareOneSessionAndTheLastOneSaves() throws Exception {
    host.files.put("file-c", new FakeWopiHost.HostFile("C.docx", docx("C")));
    URI src = URI.create(host.wopiSrc("file-c"));
    String a = ds.openWopiSrc(src, "edit", "token-ann", 0).connection().orElseThrow().id();
    String b = ds.openWopiSrc(src, "edit", "token-ben", 0).connection().orElseThrow().id();
    assertEquals(1, host.seen("GET_FILE").size());
    assertEquals(1, host.seen("LOCK").size());
    ds.wopi().edit(a, "Edited");
    ds.wopi().edit(b, "Edited");
    ds.wopi().close(a);
    Thread.sleep(200);
    assertTrue(host.seen("PUT").isEmpty());
    ds.wopi().close(b);
    awaitOperation("UNLOCK", 1);
    FakeWopiHost.Seen exit = host.seen("PUT").get(0);
    assertEquals("ann,ben", exit.header("X-WOPI-Editors"));
    assertTrue(exit.fullUrl().contains("token-ben"));
  }

  @Test
  void exitSaveAndUnlockUseTheLastChangersTokenWhenAViewerLeavesLast() throws Exception {
    host.files.put("file-x", new FakeWopiHost.HostFile("X.docx", docx("X")));
    URI src = URI.create(host.wopiSrc("file-x"));
    String ann = ds.openWopiSrc(src, "edit", "token-ann", 0).connection().orElseThrow().id();
    WopiConnection viewer =
        ds.openWopiSrc(src, "edit", FakeWopiHost.READ_ONLY + "vic", 0).connection().orElseThrow();
    assertFalse(viewer.edit());
    ds.wopi().edit(ann, "Edited");
    ds.wopi().close(ann);
    ds.wopi().close(viewer.id());
    awaitOperation("UNLOCK", 1);

    FakeWopiHost.Seen exit = host.seen("PUT").get(0);
    assertTrue(exit.fullUrl().contains("access_token=token-ann"), exit.fullUrl());
    assertEquals("true", exit.header("X-LOOL-WOPI-IsExitSave"));
    assertEquals(2, host.files.get("file-x").version, "the exit save was accepted");
    assertTrue(host.seen("UNLOCK").get(0).fullUrl().contains("access_token=token-ann"));
    assertEquals("", host.files.get("file-x").lock);
    assertTrue(
        ds.wopiRequests().stream().allMatch(r -> r.status() < 400),
        "no write with the viewer's token");
  }

  @Test
  void refreshLockUsesAnEditorsTokenNotTheNewestViewers() throws Exception {
    try (RunningStandIn quick =
        StandIn.builder().wopiRefreshLockInterval(Duration.ofMillis(100)).start()) {
      host.files.put("file-r", new FakeWopiHost.HostFile("R.docx", docx("R")));
      URI src = URI.create(host.wopiSrc("file-r"));
      quick.openWopiSrc(src, "edit", "token-eve", 0);
      quick.openWopiSrc(src, "view", FakeWopiHost.READ_ONLY + "vic", 0);
      awaitOperation("REFRESH_LOCK", 2);
      assertTrue(
          host.seen("REFRESH_LOCK").stream()
              .allMatch(r -> r.fullUrl().contains("access_token=token-eve")));
    }
  }

  @Test
  void aViewerCannotSave() throws Exception {
    host.files.put("file-s", new FakeWopiHost.HostFile("S.docx", docx("S")));
    URI src = URI.create(host.wopiSrc("file-s"));
    String viewer = ds.openWopiSrc(src, "view", "token-sam", 0).connection().orElseThrow().id();
    assertThrows(IllegalStateException.class, () -> ds.wopi().save(viewer, false));
  }

  @Test
  void submittingAPdfFormIsAPutRelativeFile() throws Exception {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    OfficeDocuments.write("pdf", List.of("Form"), pdf);
    host.files.put("form", new FakeWopiHost.HostFile("Form.pdf", pdf.toByteArray()));
    URI action =
        Discovery.resolve(discovery.find("formsubmit", "pdf").urlsrc(), host.wopiSrc("form"));
    String conn = ds.openWopi(action, "token-f", 0).connection().orElseThrow().id();
    assertEquals(200, ((Number) ds.wopi().submitForm(conn).get("status")).intValue());
    assertEquals(
        "Form.pdf", Utf7.decode(host.seen("PUT_RELATIVE").get(0).header("X-WOPI-SuggestedTarget")));
  }

  @Test
  void withProofKeysOffNoProofHeadersAreSent() throws Exception {
    try (RunningStandIn plain = StandIn.builder().wopiProofKeys(false).start()) {
      host.files.put("file-p", new FakeWopiHost.HostFile("P.docx", docx("P")));
      plain.openWopiSrc(URI.create(host.wopiSrc("file-p")), "view", "token-p", 0);
      FakeWopiHost.Seen s = host.seen().get(0);
      assertNull(s.header("X-WOPI-Proof"));
      assertNull(s.header("X-WOPI-ProofOld"));
      assertNotNull(s.header("X-WOPI-TimeStamp"));
    }
  }

  @Test
  void failedCheckFileInfoShowsTheLoadError() throws Exception {
    var opening = ds.openWopiSrc(URI.create(host.wopiSrc("missing")), "edit", "token-m", 0);
    assertFalse(opening.opened());
    assertTrue(opening.error().orElseThrow().contains("404"));
  }
}
