package org.officebridge.reliability;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.Deployments;
import org.officebridge.testing.ServerUnderTest;

/**
 * The hostile corpus against the demo WAR on WildFly or Payara: proofs required (the default), the
 * Document Server allow-list its default (the addresses of the stand-in's host, 127.0.0.1), so the
 * cases sent from 127.0.0.2 come from outside it.
 */
@ArquillianTest
@RunAsClient
class HostileCorpusServerIT extends HostileCorpusContract {

  private RunningStandIn ds;

  @Deployment(testable = false)
  static WebArchive demo() {
    return Deployments.demo();
  }

  @BeforeAll
  void startDocumentServer() throws Exception {
    ds =
        StandIn.builder()
            .port(ServerUnderTest.standInPort())
            .jwtSecret(setting("officebridge.jwt.secret"))
            .start();
  }

  @AfterAll
  void stopDocumentServer() {
    if (ds != null) {
      ds.close();
    }
  }

  @Override
  CorpusFixture.Target target() {
    String connector = "http://127.0.0.1:" + System.getProperty("it.server.port") + "/officebridge";
    return new CorpusFixture.Target(
        URI.create(connector + "/"),
        connector,
        Path.of(System.getProperty("it.demo-data")),
        ds,
        setting("officebridge.jwt.secret"),
        setting("officebridge.link.secret"),
        ServerUnderTest.name());
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
