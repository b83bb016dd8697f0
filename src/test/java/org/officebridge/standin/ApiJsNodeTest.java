package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the served api.js and the two editor frame scripts in node with a fake DOM: config checks,
 * the iframe, the postMessage protocol and its origin checks, events and method calls. Skipped when
 * node is not installed.
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

  private static void run(Path dir, String harness, String... paths) throws Exception {
    assumeTrue(nodeAvailable(), "node is not installed");
    try (RunningStandIn ds = StandIn.builder().start()) {
      Path script = dir.resolve(harness);
      try (var in = ApiJsNodeTest.class.getResourceAsStream("/standin-test/" + harness)) {
        Files.copy(in, script);
      }
      List<String> command = new ArrayList<>(List.of("node", script.toString()));
      for (String path : paths) {
        Path file = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
        Files.writeString(file, StandInHttp.getText(ds.baseUrl().resolve(path)));
        command.add(file.toString());
      }
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      assertEquals(0, p.exitValue(), out);
      assertEquals("ok", out.strip());
    }
  }

  @Test
  void apiJsChecksTheConfigBuildsTheFrameAndRelaysEventsAndMethods(@TempDir Path dir)
      throws Exception {
    run(dir, "api-harness.js", "/web-apps/apps/api/documents/api.js");
  }

  @Test
  void editorFramesFireEventsShowMethodsAndKeepToTheirOrigins(@TempDir Path dir) throws Exception {
    run(
        dir,
        "frame-harness.js",
        "/web-apps/apps/standin/editor.js",
        "/web-apps/apps/standin/wopi-editor.js");
  }
}
