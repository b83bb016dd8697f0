package org.officebridge.demo;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo host's own settings (the connector's settings are separate): where its files live and
 * whether it starts the Document Server stand-in in-process.
 */
final class DemoSettings {

  private DemoSettings() {}

  /**
   * @return {@code officebridge.demo.data-dir} / {@code OFFICEBRIDGE_DEMO_DATA_DIR}, by default a
   *     folder in the system's temporary directory
   */
  static Path dataDir() {
    return value("officebridge.demo.data-dir")
        .map(Path::of)
        .orElseGet(
            () ->
                Path.of(
                    System.getProperty("java.io.tmpdir"),
                    "officebridge-demo-" + System.getProperty("user.name", "user")));
  }

  /**
   * @return the port of the in-process Document Server stand-in ({@code
   *     officebridge.demo.standin-port}), if the demo should start one
   */
  static Optional<Integer> standInPort() {
    return value("officebridge.demo.standin-port").map(Integer::parseInt);
  }

  /**
   * @return the demo's document list, relative to the connector's pages
   */
  static URI folderUrl() {
    return URI.create("./");
  }

  private static Optional<String> value(String property) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }
}
