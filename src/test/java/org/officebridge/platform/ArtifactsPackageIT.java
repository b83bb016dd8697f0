package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the built artifacts contain, and what they must not. */
class ArtifactsPackageIT {

  private static List<String> entries(String file) throws IOException {
    try (ZipFile zip = new ZipFile(Path.of("target", file).toFile())) {
      return zip.stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void productionWarHoldsNoDemoOrStandInCode() throws Exception {
    List<String> war = entries("officebridge.war");
    assertTrue(war.contains("WEB-INF/classes/org/officebridge/host/HostServices.class"));
    assertTrue(war.contains("WEB-INF/web.xml"));
    assertTrue(war.contains("WEB-INF/beans.xml"));
    for (String entry : war) {
      assertFalse(entry.contains("org/officebridge/demo/"), entry);
      assertFalse(entry.contains("org/officebridge/standin/"), entry);
      assertFalse(entry.contains("demo-samples/"), entry);
      assertFalse(entry.startsWith("WEB-INF/classes/META-INF/resources/"), entry);
      assertFalse(entry.startsWith("WEB-INF/classes/META-INF/beans.xml"), entry);
    }
    List<String> libs = war.stream().filter(e -> e.matches("WEB-INF/lib/.+")).sorted().toList();
    assertEquals(
        List.of(
            "WEB-INF/lib/cache-api-1.1.1.jar",
            "WEB-INF/lib/hazelcast-5.3.8.jar",
            "WEB-INF/lib/nimbus-jose-jwt-10.10.jar"),
        libs,
        "JWT, and Hazelcast with the JCache API for cluster.mode (docs/cluster.md)");
  }

  @Test
  void demoWarIsTheProductionWarPlusTheDemoAndStandInJars() throws Exception {
    List<String> demo = entries("officebridge-demo.war");
    assertTrue(demo.contains("WEB-INF/lib/officebridge-demo.jar"));
    assertTrue(demo.contains("WEB-INF/lib/officebridge-standin.jar"));
    List<String> production = entries("officebridge.war");
    for (String entry : production) {
      assertTrue(demo.contains(entry), entry + " missing from the demo WAR");
    }
  }

  @Test
  void demoJarCarriesItsBeansXmlPagesAndGeneratedSamples() throws Exception {
    List<String> jar = entries("officebridge-demo.jar");
    assertTrue(jar.contains("META-INF/beans.xml"));
    assertTrue(jar.contains("META-INF/resources/demo/demo.css"));
    assertTrue(jar.contains("demo-samples/Project report.docx"));
    assertTrue(jar.contains("demo-samples/Legacy memo.doc"));
    assertFalse(jar.contains("META-INF/services/jakarta.enterprise.inject.spi.Extension"));
  }

  @Test
  void spiJarHoldsOnlyTheSpiAndImportsNothingFromJakarta() throws Exception {
    Path jar = Path.of("target", "officebridge-spi.jar");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> classes =
          zip.stream().filter(e -> e.getName().endsWith(".class")).toList();
      assertTrue(classes.size() > 20);
      for (ZipEntry e : classes) {
        assertTrue(e.getName().startsWith("org/officebridge/spi/"), e.getName());
        try (InputStream in = zip.getInputStream(e)) {
          String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          assertFalse(constants.contains("jakarta/"), e.getName() + " refers to jakarta");
          assertFalse(
              constants.matches("(?s).*org/officebridge/(?!spi/).*"),
              e.getName() + " refers to another officebridge package");
        }
      }
    }
  }

  @Test
  void spiTestJarHoldsTheContractTests() throws Exception {
    List<String> jar = entries("officebridge-spi-tests.jar");
    assertTrue(jar.contains("org/officebridge/spi/contract/DocumentStoreContract.class"));
    assertTrue(jar.contains("org/officebridge/spi/contract/SessionStoreContract.class"));
  }
}
