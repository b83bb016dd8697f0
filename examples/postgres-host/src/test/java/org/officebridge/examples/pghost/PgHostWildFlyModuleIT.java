package org.officebridge.examples.pghost;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The host as a WildFly global module, the other packaging that leaves the connector WAR unchanged:
 * the plain {@code officebridge.war} on WildFly 39 with a module holding this project's jar, {@code
 * officebridge-spi.jar} and the JDBC driver (the module.xml of this project's README), listed in
 * the ee subsystem's {@code global-modules}. The connector finds the host's parts and works with
 * the database.
 */
class PgHostWildFlyModuleIT {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static EndToEndHost host;

  @BeforeAll
  static void start() throws Exception {
    Path home = Path.of(System.getProperty("pghost.wildfly-home", "target/wildfly"));
    Path war = Path.of(System.getProperty("pghost.plain-war", "target/officebridge.war"));
    WildFly.GlobalModule module =
        new WildFly.GlobalModule(
            "org.officebridge.examples.pghost",
            PgHostLibraryIT.libraries(),
            List.of("java.sql", "java.naming", "java.logging"));
    host =
        EndToEndHost.start(
            PG, "wildfly", (settings, work) -> WildFly.start(home, war, module, settings, work));
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) {
      host.stop();
    }
  }

  @Test
  void readinessNamesTheModulesClassesForEveryPart() throws Exception {
    host.assertReadyWithTheHostsParts();
  }

  @Test
  void theModulesBeansXmlMakesNoBeansOfItsClasses() throws Exception {
    host.assertPartsComeFromServiceLoaderNotCdi();
  }

  @Test
  void aDocsApiEditIsStoredAsANewVersionInTheDatabase() throws Exception {
    host.assertADocsApiEditIsStored();
  }
}
