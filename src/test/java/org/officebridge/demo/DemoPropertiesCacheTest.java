package org.officebridge.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo store's properties cache stays bounded however many files it has read. */
class DemoPropertiesCacheTest {

  @TempDir Path folder;

  @Test
  void keepsAtMostItsBoundAndStillReadsEveryFileRight() throws Exception {
    DemoPropertiesCache cache = new DemoPropertiesCache();
    int files = DemoPropertiesCache.MAX_ENTRIES + 100;
    for (int i = 0; i < files; i++) {
      Properties p = new Properties();
      p.setProperty("n", String.valueOf(i));
      cache.write(folder.resolve(i + ".properties"), p);
    }
    for (int i = 0; i < files; i++) {
      assertEquals(
          String.valueOf(i), cache.read(folder.resolve(i + ".properties")).getProperty("n"));
      assertTrue(cache.size() <= DemoPropertiesCache.MAX_ENTRIES, "kept " + cache.size());
    }
    assertEquals("7", cache.read(folder.resolve("7.properties")).getProperty("n"));
  }
}
