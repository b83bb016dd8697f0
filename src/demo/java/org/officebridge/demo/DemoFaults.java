package org.officebridge.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.officebridge.spi.HostUnavailableException;

/**
 * Failures the demo DMS produces on request, for reliability tests of the connector: the file
 * {@code <data dir>/faults/store-failures} holds a number N, and the next N writes of new content
 * (new versions, new documents) fail as a temporarily unavailable host would, storing nothing. Only
 * in the demo, never in the production WAR.
 */
final class DemoFaults {

  private final Path storeFailures;

  /**
   * @param dataDir the demo's data folder
   */
  DemoFaults(Path dataDir) {
    this.storeFailures = dataDir.resolve("faults").resolve("store-failures");
  }

  /**
   * Fails if a failure is due, counting it down.
   *
   * @throws HostUnavailableException when a failure was due
   */
  synchronized void beforeStore() throws HostUnavailableException {
    if (!Files.exists(storeFailures)) {
      return;
    }
    try {
      int due = Integer.parseInt(Files.readString(storeFailures, StandardCharsets.UTF_8).trim());
      if (due <= 0) {
        return;
      }
      Files.writeString(storeFailures, String.valueOf(due - 1), StandardCharsets.UTF_8);
    } catch (IOException | NumberFormatException e) {
      return;
    }
    throw new HostUnavailableException("demo fault: the store is unavailable");
  }
}
