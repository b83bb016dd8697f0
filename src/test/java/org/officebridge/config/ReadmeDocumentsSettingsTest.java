package org.officebridge.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the README's settings table complete: every setting with its environment variable. */
class ReadmeDocumentsSettingsTest {

  @Test
  void everySettingIsInTheReadmeWithItsEnvironmentVariable() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (SettingKey key : SettingKey.values()) {
      assertTrue(
          readme.contains("| `" + key.property() + "` | `" + key.environmentVariable() + "` |"),
          key.property() + " is not documented in README.md");
    }
  }
}
