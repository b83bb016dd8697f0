package org.officebridge.callback;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.testing.Deployments;
import org.officebridge.testing.ServerUnderTest;

/**
 * The callback contracts against the demo WAR on WildFly or Payara, with the stand-in on the port
 * the servers' settings point at.
 */
@ArquillianTest
@RunAsClient
class CallbackServerIT extends StandInCallbackContract {

  @Deployment(testable = false)
  static WebArchive demo() {
    return Deployments.demo();
  }

  @ArquillianResource URL base;

  private static RunningStandIn standIn;

  @BeforeAll
  static void startStandIn() throws Exception {
    standIn =
        standInBuilder(setting("officebridge.jwt.secret"))
            .port(ServerUnderTest.standInPort())
            .start();
  }

  @AfterAll
  static void stopStandIn() {
    standIn.close();
  }

  @Override
  RunningStandIn standIn() {
    return standIn;
  }

  @Override
  URI baseUrl() {
    try {
      return base.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  String connectorUrl() {
    return "http://127.0.0.1:" + System.getProperty("it.server.port") + "/officebridge";
  }

  @Override
  Path demoData() {
    return Path.of(System.getProperty("it.demo-data"));
  }

  @Override
  String jwtSecret() {
    return setting("officebridge.jwt.secret");
  }

  @Override
  String linkSecret() {
    return setting("officebridge.link.secret");
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
