package org.officebridge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.standin.wopi.ProofSigner;
import org.officebridge.testing.AdminClient;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.Http;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * The settings check finds each broken setup and says which direction fails and what to change: a
 * wrong secret, a connector URL the Document Server cannot reach, a Document Server the connector
 * cannot reach, a Document Server address the connector does not allow, missing and mismatched WOPI
 * proof keys. Each setup is the demo WAR in-process with the stand-in, misconfigured on purpose.
 */
class SettingsCheckHttpIT {

  private final Http http = new Http();

  /** What a test does before the check runs. */
  @FunctionalInterface
  private interface Before {
    void run(URI connector, RunningStandIn ds) throws Exception;
  }

  /** Runs the check against the demo WAR with the given settings and stand-in. */
  private Map<String, Map<String, Object>> check(
      StandIn.Builder standIn, Consumer<Map<String, String>> settings, Before before)
      throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "check-data-");
    try (RunningStandIn ds = standIn.start()) {
      Map<String, String> s =
          new HashMap<>(TestSettings.forInProcess(ds.baseUrl().toString(), data));
      s.put("officebridge.settings-check.timeout", "PT2M");
      settings.accept(s);
      try (InProcessServer server = InProcessServer.start(InProcessServer.demoWar(), s)) {
        before.run(server.baseUrl(), ds);
        HttpResponse<String> r =
            new AdminClient(server.baseUrl()).get("owner", "api/admin/settings-check");
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Object> report = DemoClient.object(r.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> checks = (List<Map<String, Object>>) report.get("checks");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        checks.forEach(c -> byId.put((String) c.get("check"), c));
        byId.put("outcome", Map.of("status", report.get("outcome")));
        return byId;
      }
    }
  }

  private static void assertFinding(
      Map<String, Map<String, Object>> checks, String check, String status, String... phrases) {
    Map<String, Object> c = checks.get(check);
    assertTrue(c != null, "no " + check + " in " + checks);
    String message = String.valueOf(c.get("message"));
    assertEquals(status, c.get("status"), check + ": " + message);
    for (String phrase : phrases) {
      assertTrue(message.contains(phrase), check + " does not say \"" + phrase + "\": " + message);
    }
  }

  private static int deadPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void aWrongSecretIsReportedAsInvalidToken() throws Exception {
    Map<String, Map<String, Object>> checks =
        check(
            StandIn.builder().jwtSecret("another-secret-of-the-document-server-0123456789"),
            s -> {},
            (base, ds) -> {});
    assertEquals("failed", checks.get("outcome").get("status"));
    assertFinding(checks, "ds-healthcheck", "passed");
    assertFinding(checks, "ds-jwt", "failed", "invalid token", "officebridge.jwt.secret");
    assertFinding(checks, "ds-download", "failed", "invalid token");
  }

  @Test
  void aWrongOutboxSecretIsReportedAsARefusedDownloadToken() throws Exception {
    Map<String, Map<String, Object>> checks =
        check(
            StandIn.builder().jwtSecret(TestSettings.JWT_SECRET),
            s -> {},
            (base, ds) -> ds.faults().jwtWithWrongSecret(true));
    assertFinding(checks, "ds-jwt", "passed", "officebridge.jwt.secret matches");
    assertFinding(
        checks,
        "ds-download",
        "failed",
        "the Document Server reached the connector, but its download token was refused (signature)",
        "outbox secret");
  }

  @Test
  void aConnectorUrlTheDocumentServerCannotReachIsNamed() throws Exception {
    String unreachable = "http://127.0.0.1:" + deadPort() + "/officebridge";
    Map<String, Map<String, Object>> checks =
        check(
            StandIn.builder().jwtSecret(TestSettings.JWT_SECRET),
            s -> s.put("officebridge.connector.url", unreachable),
            (base, ds) -> {});
    assertFinding(checks, "ds-jwt", "passed");
    assertFinding(
        checks,
        "ds-download",
        "failed",
        "the Document Server cannot download from "
            + unreachable
            + ": check officebridge.connector.url, network, allowPrivateIPAddress");
    assertFinding(checks, "ds-result", "skipped");
  }

  @Test
  void aDocumentServerTheConnectorCannotReachIsNamedAndTheRestSkipped() throws Exception {
    String unreachable = "http://127.0.0.1:" + deadPort();
    Map<String, Map<String, Object>> checks =
        check(
            StandIn.builder().jwtSecret(TestSettings.JWT_SECRET),
            s -> s.put("officebridge.ds.public-url", unreachable),
            (base, ds) -> {});
    assertFinding(
        checks,
        "ds-healthcheck",
        "failed",
        "the connector cannot reach the Document Server at " + unreachable + "/healthcheck",
        "officebridge.ds.internal-url");
    for (String skipped : List.of("ds-jwt", "wopi-discovery", "ds-download", "ds-result")) {
      assertFinding(checks, skipped, "skipped", "unreachable");
    }
  }

  @Test
  void aDocumentServerAddressOutsideTheAllowListIsNamed() throws Exception {
    Map<String, Map<String, Object>> checks =
        check(
            StandIn.builder().jwtSecret(TestSettings.JWT_SECRET),
            s -> s.put("officebridge.ds.allowed-addresses", "10.255.255.1"),
            (base, ds) -> {});
    assertFinding(checks, "ds-healthcheck", "failed", "officebridge.ds.allowed-addresses");
  }

  @Test
  void missingProofKeysAreNamedWhenProofsAreRequired() throws Exception {
    Map<String, Map<String, Object>> checks =
        check(
            StandIn.builder().jwtSecret(TestSettings.JWT_SECRET).wopiProofKeys(false),
            s -> s.put("officebridge.wopi.proof-keys", "required"),
            (base, ds) -> {});
    assertFinding(
        checks,
        "wopi-discovery",
        "failed",
        "publishes no WOPI proof keys",
        "officebridge.wopi.proof-keys=if-present");
  }

  @Test
  void mismatchedProofKeysAreNamedAfterTheDocumentServersNextWopiRequest() throws Exception {
    StandIn.Builder standIn = StandIn.builder().jwtSecret(TestSettings.JWT_SECRET);
    Map<String, Map<String, Object>> checks =
        check(
            standIn,
            s -> s.put("officebridge.wopi.proof-keys", "required"),
            (base, ds) -> assertEquals(500, wopiRequestSignedWithAStrayKey(base)));
    assertFinding(checks, "wopi-discovery", "passed", "proof keys published");
    assertFinding(
        checks,
        "wopi-proof",
        "failed",
        "the proof does not verify with the discovery keys",
        "The proof keys do not match");
  }

  /** A CheckFileInfo signed as the stand-in signs, but with a key its discovery does not list. */
  private int wopiRequestSignedWithAStrayKey(URI base) throws Exception {
    DemoClient client = new DemoClient(base);
    String doc = client.createDocument("owner", "proof-" + UUID.randomUUID(), "docx");
    HttpResponse<String> page = new AdminClient(base).get("owner", "wopi-host?doc=" + doc);
    assertEquals(200, page.statusCode(), page.body());
    String token =
        OperationsContract.unescape(
            OperationsContract.find(
                page.body(), "name=\"access_token\" type=\"hidden\" value=\"([^\"]*)\""));
    String action =
        OperationsContract.unescape(
            OperationsContract.find(
                page.body(), "<form id=\"office_form\"[^>]* action=\"([^\"]*)\""));
    String wopiSrc =
        URLDecoder.decode(
            OperationsContract.find(action, "[?&]wopisrc=([^&]*)"), StandardCharsets.UTF_8);
    String url =
        wopiSrc + "?access_token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
    long ticks = ProofSigner.ticks(Instant.now());
    byte[] signed = ProofSigner.proofData(token, url, ticks);
    java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
    rsa.initSign(g.generateKeyPair().getPrivate());
    rsa.update(signed);
    String proof = java.util.Base64.getEncoder().encodeToString(rsa.sign());
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("X-WOPI-TimeStamp", Long.toString(ticks))
                .header("X-WOPI-Proof", proof)
                .header("X-WOPI-ProofOld", proof)
                .GET());
    return r.statusCode();
  }

  @Test
  void aScheduledCheckRunsByItselfAndPublishesItsOutcome() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "check-data-");
    try (RunningStandIn ds = StandIn.builder().jwtSecret(TestSettings.JWT_SECRET).start()) {
      Map<String, String> s =
          new HashMap<>(TestSettings.forInProcess(ds.baseUrl().toString(), data));
      s.put("officebridge.settings-check.interval", "1s");
      try (InProcessServer server = InProcessServer.start(InProcessServer.demoWar(), s)) {
        AdminClient admin = new AdminClient(server.baseUrl());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        double passed = 0;
        while (passed < 1 && System.nanoTime() < deadline) {
          Thread.sleep(250);
          passed =
              AdminClient.metric(
                  admin.metrics("owner").body(),
                  "officebridge_settings_check_ok",
                  Map.of("check", "ds-download"));
        }
        assertEquals(1, passed, "no scheduled run published its outcome");
      }
    }
  }
}
