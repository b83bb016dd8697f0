package org.officebridge.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Produces the one {@link Settings} instance, loaded once per deployment. */
@ApplicationScoped
public class SettingsProducer {

  private volatile Settings settings;

  /**
   * @return the settings; the deployment check has already validated them
   * @throws IllegalStateException when they are invalid (the deployment check reports why)
   */
  @Produces
  @Singleton
  public Settings settings() {
    Settings current = settings;
    if (current == null) {
      try {
        current = SettingsLoader.fromRuntime();
      } catch (InvalidSettingsException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      settings = current;
    }
    return current;
  }
}
