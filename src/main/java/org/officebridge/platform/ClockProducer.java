package org.officebridge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Produces the clock every time-dependent decision reads, so tests can fix time. */
@ApplicationScoped
public class ClockProducer {

  /**
   * @return the system clock in UTC
   */
  @Produces
  @Singleton
  public Clock clock() {
    return Clock.systemUTC();
  }
}
