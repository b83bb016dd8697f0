package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** close() stops every timer and thread, even with saves and lock refreshes pending. */
class CleanShutdownTest {

  private static List<String> standInThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("standin-"))
        .toList();
  }

  @Test
  void closeLeavesNoThreadsBehind() throws Exception {
    try (FakeDms dms = new FakeDms()) {
      RunningStandIn ds =
          StandIn.builder()
              .callbackDelay(Duration.ofSeconds(30))
              .wopiRefreshLockInterval(Duration.ofMillis(50))
              .start();
      URI url = dms.serveDocument("/files/s.docx", "docx", List.of("S"));
      ds.openEditor(TestConfigs.config("shut", url, "docx", dms.callbackUrl("u1"), "u1", "U"));
      ds.edit("shut", "u1");
      ds.leave("shut", "u1");
      assertTrue(ds.session("shut").orElseThrow().dirty(), "final save still pending");
      assertTrue(standInThreads().size() > 0);

      ds.close();

      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!standInThreads().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(List.of(), standInThreads());
    }
  }

  @Test
  void closeStopsServingHttp() throws Exception {
    RunningStandIn ds = StandIn.builder().start();
    URI health = ds.baseUrl().resolve("/healthcheck");
    assertEquals("true", StandInHttp.getText(health));
    ds.close();
    boolean refused;
    try {
      StandInHttp.getText(health);
      refused = false;
    } catch (java.io.IOException e) {
      refused = true;
    }
    assertTrue(refused);
  }
}
