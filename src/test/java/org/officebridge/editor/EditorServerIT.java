package org.officebridge.editor;

import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
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
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.Deployments;
import org.officebridge.testing.ServerUnderTest;

/**
 * The editor's HTTP checks ({@link EditorContract}) against the demo WAR on a real WildFly or
 * Payara, black-box. One class, so Payara Micro starts once for all of them.
 */
@ArquillianTest
@RunAsClient
class EditorServerIT extends EditorContract {

  @Deployment(testable = false)
  static WebArchive demo() {
    return Deployments.demo();
  }

  @ArquillianResource URL base;

  private static RunningStandIn documentServer;

  @BeforeAll
  static void startDocumentServer() throws Exception {
    documentServer =
        StandIn.builder()
            .port(ServerUnderTest.standInPort())
            .jwtSecret(secret())
            .callbackDelay(Duration.ofMillis(100))
            .start();
  }

  @AfterAll
  static void stopDocumentServer() {
    if (documentServer != null) {
      documentServer.close();
    }
  }

  @Override
  RunningStandIn documentServer() {
    return documentServer;
  }

  @Override
  DemoClient client() {
    try {
      URI uri = base.toURI();
      return new DemoClient(uri.toString().endsWith("/") ? uri : URI.create(uri + "/"));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  String jwtSecret() {
    return secret();
  }

  private static String secret() {
    Properties settings = new Properties();
    try (Reader r = Files.newBufferedReader(ServerUnderTest.settingsFile())) {
      settings.load(r);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the servers' settings", e);
    }
    return settings.getProperty("officebridge.jwt.secret");
  }
}
