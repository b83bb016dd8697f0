package org.officebridge.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (curl, wrk, jcmd) and returns what it printed. */
final class Commands {

  private Commands() {}

  /**
   * @param command the command and its arguments
   * @return standard output and error
   * @throws IOException when it cannot run, does not end in 30 minutes, or fails
   * @throws InterruptedException when interrupted
   */
  static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + command.get(0));
    }
    String text = new String(out, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(command.get(0) + " exited " + p.exitValue() + ": " + text);
    }
    return text;
  }

  /**
   * @param tool a program name
   * @return whether it is on the PATH
   */
  static boolean available(String tool) {
    try {
      return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
