package org.officebridge.operations;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.platform.CorrelationFilter;
import org.officebridge.platform.LogLine;
import org.officebridge.spi.CorrelationId;

/**
 * Runs the settings check every {@code officebridge.settings-check.interval} (off by default),
 * first one minute after the deployment started, on one daemon thread of its own; each run logs its
 * outcome ({@code event=settings-check ... trigger=schedule}) under a correlation id of its own.
 * The check calls only the Document Server, never the host.
 */
@ApplicationScoped
public class SettingsCheckSchedule {

  private static final Logger LOG = Logger.getLogger(SettingsCheckSchedule.class.getName());
  private static final Duration FIRST_DELAY = Duration.ofMinutes(1);

  @Inject Settings settings;
  @Inject SettingsCheck check;

  private ScheduledExecutorService timer;

  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (settings.operations().checkInterval().isEmpty()) {
      return;
    }
    Duration every = settings.operations().checkInterval().get();
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "officebridge-settings-check");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::runOnce,
        Math.min(FIRST_DELAY.toMillis(), every.toMillis()),
        every.toMillis(),
        TimeUnit.MILLISECONDS);
    LOG.info(() -> LogLine.event("settings-check-schedule").with("every", every).toString());
  }

  private void runOnce() {
    try (CorrelationId.Binding id = CorrelationId.bind(CorrelationFilter.newId())) {
      check.run("schedule");
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, LogLine.event("settings-check").with("outcome", "error").toString(), e);
    }
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
