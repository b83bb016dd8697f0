package org.officebridge.host;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.officebridge.config.InvalidSettingsException;
import org.officebridge.config.SettingsLoader;

/**
 * Fails the deployment, with one message naming every problem, when a setting is invalid or a
 * required SPI part is missing or ambiguous. Registered in {@code
 * META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class DeploymentCheckExtension implements Extension {

  private static final Logger LOG = Logger.getLogger(DeploymentCheckExtension.class.getName());

  private final List<Bean<?>> beans = new ArrayList<>();

  void collect(@Observes ProcessBean<?> event) {
    beans.add(event.getBean());
  }

  void check(@Observes AfterDeploymentValidation event) {
    List<String> problems = new ArrayList<>();
    try {
      SettingsLoader.fromRuntime();
    } catch (InvalidSettingsException e) {
      problems.addAll(e.problems());
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    List<SpiDiscovery.Finding> findings =
        SpiPart.ALL.stream().map(part -> SpiDiscovery.find(part, beans, loader)).toList();
    problems.addAll(SpiDiscovery.problems(findings));
    beans.clear();
    if (problems.isEmpty()) {
      LOG.info(() -> "event=deployment-check outcome=ok spi: " + SpiDiscovery.summary(findings));
      return;
    }
    String message =
        "officebridge cannot start ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  - "
            + String.join("\n  - ", problems);
    LOG.severe(() -> "event=deployment-check outcome=failed " + message);
    event.addDeploymentProblem(new DeploymentException(message));
  }
}
