package org.officebridge.demo;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;

/**
 * Starts the Document Server stand-in inside the demo's JVM when {@code
 * officebridge.demo.standin-port} is set and the connector's Document Server URL points at that
 * port on 127.0.0.1, so that {@code mvn -Prun} works without ONLYOFFICE Docs. With the Document
 * Server URL pointing anywhere else, nothing is started.
 */
@ApplicationScoped
public class DemoStandInLauncher {

  private static final Logger LOG = Logger.getLogger(DemoStandInLauncher.class.getName());

  @Inject Settings settings;

  private RunningStandIn standIn;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) throws IOException {
    Optional<Integer> port = DemoSettings.standInPort();
    URI ds = settings.documentServer().publicUrl();
    if (port.isEmpty() || !"127.0.0.1".equals(ds.getHost()) || ds.getPort() != port.get()) {
      return;
    }
    standIn =
        StandIn.builder()
            .bindAddress("127.0.0.1")
            .port(port.get())
            .jwtSecret(new String(settings.jwt().secret().bytes(), StandardCharsets.UTF_8))
            .jwtHeader(settings.jwt().header())
            .jwtPrefix(settings.jwt().prefix())
            .start();
    LOG.info(() -> "event=demo-standin outcome=started url=" + standIn.baseUrl());
  }

  @PreDestroy
  void stop() {
    if (standIn != null) {
      standIn.close();
      standIn = null;
    }
  }
}
