package org.officebridge.wopi;

import java.net.URI;
import java.net.URL;
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
 * The WOPI host contract on a real WildFly or Payara: the demo WAR, proofs required, the Document
 * Server stand-in as the WOPI client on the port the server's settings name.
 */
@ArquillianTest
@RunAsClient
class WopiHostServerIT extends WopiHostContract {

  private static RunningStandIn ds;

  @Deployment(testable = false)
  static WebArchive demo() {
    return Deployments.demo();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startClient() throws Exception {
    ds =
        StandIn.builder()
            .port(ServerUnderTest.standInPort())
            .jwtSecret("officebridge-integration-test-secret-0123456789")
            .callbackDelay(java.time.Duration.ofMillis(200))
            .start();
  }

  @AfterAll
  static void stopClient() {
    if (ds != null) {
      ds.close();
    }
  }

  @Override
  URI base() {
    try {
      return base.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  RunningStandIn ds() {
    return ds;
  }
}
