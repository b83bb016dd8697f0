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
import org.officebridge.testing.Deployments;
import org.officebridge.testing.FakeWopiClient;
import org.officebridge.testing.ServerUnderTest;

/**
 * The WOPI host contract on a real WildFly or Payara: the demo WAR, proofs required, the WOPI
 * client (discovery and signing) on the port the server's settings name as the Document Server.
 */
@ArquillianTest
@RunAsClient
class WopiHostServerIT extends WopiHostContract {

  private static FakeWopiClient client;

  @Deployment(testable = false)
  static WebArchive demo() {
    return Deployments.demo();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void startClient() throws Exception {
    client = FakeWopiClient.start(ServerUnderTest.standInPort());
  }

  @AfterAll
  static void stopClient() {
    if (client != null) {
      client.close();
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
  FakeWopiClient client() {
    return client;
  }
}
