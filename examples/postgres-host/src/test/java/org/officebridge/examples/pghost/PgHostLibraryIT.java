package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The host as a server-level library, the packaging that leaves the connector WAR unchanged: the
 * plain {@code officebridge.war} on Payara Micro with {@code --addlibs} of this project's jar, its
 * runtime dependencies (the JDBC driver) and {@code officebridge-spi.jar}, configured by system
 * properties as the overlay is. The connector finds the host through the jar's {@code
 * META-INF/services} entries; an edit through the Docs API (the stand-in, driven over HTTP, no
 * browser) lands as a new version in the database.
 */
class PgHostLibraryIT {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static final Path WAR =
      Path.of(System.getProperty("pghost.plain-war", "target/officebridge.war"));

  private static EndToEndHost host;

  @BeforeAll
  static void start() throws Exception {
    host = EndToEndHost.start(PG, "library", EndToEndHost.payaraMicro(WAR, libraries()));
  }

  /**
   * @return this project's jar, then every jar of the library directory (the SPI, the driver)
   * @throws IOException when the directory cannot be listed
   */
  static List<Path> libraries() throws IOException {
    List<Path> jars = new ArrayList<>();
    jars.add(Path.of(System.getProperty("pghost.jar", "target/officebridge-pghost.jar")));
    try (Stream<Path> files =
        Files.list(Path.of(System.getProperty("pghost.library-dir", "target/server-lib")))) {
      files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
    }
    return jars;
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) {
      host.stop();
    }
  }

  @Test
  void theDeployedWarIsTheConnectorAloneWithoutTheHost() throws IOException {
    try (ZipFile war = new ZipFile(WAR.toFile())) {
      List<String> hostEntries =
          war.stream()
              .map(e -> e.getName())
              .filter(n -> n.contains("pghost") || n.contains("postgresql"))
              .toList();
      assertEquals(List.of(), hostEntries);
      assertTrue(
          war.stream().noneMatch(e -> e.getName().startsWith("META-INF/services/org.officebridge")),
          "the WAR names no SPI providers of its own");
    }
  }

  @Test
  void readinessNamesTheLibrarysClassesForEveryPart() throws Exception {
    host.assertReadyWithTheHostsParts();
  }

  @Test
  void theLibrarysBeansXmlMakesNoBeansOfItsClasses() throws IOException {
    host.assertPartsComeFromServiceLoaderNotCdi();
  }

  @Test
  void aDocsApiEditIsStoredAsANewVersionInTheDatabase() throws Exception {
    host.assertADocsApiEditIsStored();
  }
}
