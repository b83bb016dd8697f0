package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the served api.js in node with a fake DOM (checks, iframe, postMessage protocol, origin
 * check). Skipped when node is not installed.
 */
class ApiJsNodeTest {

  private static boolean nodeAvailable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, "node").canExecute()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void apiJsChecksTheConfigBuildsTheFrameAndRelaysEventsAndMethods(@TempDir Path dir)
      throws Exception {
    assumeTrue(nodeAvailable(), "node is not installed");
    try (RunningStandIn ds = StandIn.builder().start()) {
      Path api = dir.resolve("api.js");
      Files.writeString(
          api, StandInHttp.getText(ds.baseUrl().resolve("/web-apps/apps/api/documents/api.js")));
      Path harness = dir.resolve("harness.js");
      try (var in = ApiJsNodeTest.class.getResourceAsStream("/standin-test/api-harness.js")) {
        Files.copy(in, harness);
      }
      Process p =
          new ProcessBuilder("node", harness.toString(), api.toString())
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      assertEquals(0, p.exitValue(), out);
      assertEquals("ok", out.strip());
    }
  }
}
