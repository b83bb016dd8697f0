package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.officebridge.testing.Deployments;
import org.officebridge.testing.ServerUnderTest;

/**
 * On WildFly, deployment through the management API fails with a message naming the missing SPI
 * part or the bad setting. (Payara's Arquillian adapter does not pass a failure's reason on, so
 * {@link MisconfiguredPayaraMicroServerIT} checks Payara by running it directly.)
 */
@EnabledIfSystemProperty(
    named = "it.server",
    matches = "wildfly",
    disabledReason =
        "the Payara Micro adapter hides deployment failures; see MisconfiguredPayaraMicroServerIT")
@ArquillianTest
@RunAsClient
class MisconfiguredDeploymentServerIT {

  @Deployment(name = "no-host", managed = false, testable = false)
  static WebArchive withoutHost() {
    return Deployments.production();
  }

  @Deployment(name = "bad-settings", managed = false, testable = false)
  static WebArchive withBadSettings() {
    return Deployments.demo();
  }

  @ArquillianResource Deployer deployer;

  private String failureOf(String deployment) {
    Exception e = assertThrows(Exception.class, () -> deployer.deploy(deployment));
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  @Test
  void productionWarWithoutAHostFailsNamingTheMissingSpiParts() {
    String failure = failureOf("no-host");
    assertTrue(failure.contains("org.officebridge.spi.DocumentStore"), failure);
  }

  @Test
  void badSettingFailsTheDeploymentNamingIt() throws Exception {
    try (AutoCloseable restore =
        ServerUnderTest.withExtraSettings("officebridge.wopi.proof-keys=sometimes")) {
      String failure = failureOf("bad-settings");
      assertTrue(failure.contains("officebridge.wopi.proof-keys"), failure);
    }
  }
}
