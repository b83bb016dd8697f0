package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** The WOPI host contract on the demo WAR in-process, with proofs required. */
class WopiHostHttpIT extends WopiHostContract {

  private static RunningStandIn ds;
  private static InProcessServer server;

  @BeforeAll
  static void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .start();
    Path data = Files.createTempDirectory(Path.of("target"), "wopi-data-");
    Map<String, String> settings =
        new java.util.HashMap<>(TestSettings.forInProcess(ds.baseUrl().toString(), data));
    settings.put("officebridge.wopi.proof-keys", "required");
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

  @Override
  URI base() {
    return server.baseUrl();
  }

  @Override
  RunningStandIn ds() {
    return ds;
  }

  /**
   * GetFile opens the document before it answers; JAX-RS answers a HEAD through the GET method
   * without ever writing the body, so the document must be closed at the end of the request all the
   * same. The server runs in this JVM: its open files are this process's.
   */
  @Test
  void getFileClosesTheDocumentWhenItsBodyIsNeverWritten() throws Exception {
    Path fds = Path.of("/proc/self/fd");
    assumeTrue(Files.isDirectory(fds), "needs /proc/self/fd");
    String doc = newDocument("owner", "docx");
    Opened o = open("owner", doc);
    for (int i = 0; i < 5; i++) {
      HttpRequest.Builder head =
          HttpRequest.newBuilder(URI.create(o.contentsUrl()))
              .method("HEAD", HttpRequest.BodyPublishers.noBody());
      proofHeaders(o.contentsUrl(), Instant.now(), Key.CURRENT, Key.OLD).forEach(head::header);
      assertEquals(200, http.send(head).statusCode());
    }
    // the request ends just after its answer: give the container a moment to end it
    Instant deadline = Instant.now().plusSeconds(5);
    List<Path> open = openFilesOf(fds, doc);
    while (!open.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
      open = openFilesOf(fds, doc);
    }
    assertEquals(List.of(), open, "the document's files still open after HEAD GetFile");
  }

  private static List<Path> openFilesOf(Path fds, String doc) throws Exception {
    try (Stream<Path> links = Files.list(fds)) {
      return links
          .flatMap(
              fd -> {
                try {
                  return Stream.of(Files.readSymbolicLink(fd));
                } catch (Exception gone) {
                  return Stream.empty();
                }
              })
          .filter(target -> target.toString().contains("/" + doc + "/v"))
          .toList();
    }
  }
}
