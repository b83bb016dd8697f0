package org.officebridge.operations;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.Deployments;
import org.officebridge.testing.ServerUnderTest;

/**
 * The operations contract (metrics, correlation ids, readiness, admin endpoints, the settings
 * check) against the demo WAR on WildFly or Payara, with the stand-in on the port the servers'
 * settings point at.
 */
@ArquillianTest
@RunAsClient
class OperationsServerIT extends OperationsContract {

  @Deployment(testable = false)
  static WebArchive demo() {
    return Deployments.demo();
  }

  @ArquillianResource URL base;

  private static RunningStandIn standIn;

  @BeforeAll
  static void startStandIn() throws Exception {
    standIn =
        StandIn.builder()
            .jwtSecret(setting("officebridge.jwt.secret"))
            .callbackDelay(Duration.ofMillis(200))
            .retryBaseDelay(Duration.ofMillis(200))
            .port(ServerUnderTest.standInPort())
            .start();
  }

  @AfterAll
  static void stopStandIn() {
    standIn.close();
  }

  @Override
  URI base() {
    try {
      return base.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  RunningStandIn ds() {
    return standIn;
  }

  @Override
  Path demoData() {
    return Path.of(System.getProperty("it.demo-data"));
  }

  private static String setting(String name) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(ServerUnderTest.settingsFile())) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p.getProperty(name);
  }
}
