package org.officebridge.config;

import java.util.List;

/** The settings could not be loaded; lists every problem found, each naming its setting. */
public final class InvalidSettingsException extends Exception {

  private final List<String> problems;

  /**
   * @param problems every problem, one sentence each
   */
  public InvalidSettingsException(List<String> problems) {
    super(
        "officebridge settings are invalid ("
            + problems.size()
            + " problem"
            + (problems.size() == 1 ? "" : "s")
            + "):\n  - "
            + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /**
   * @return every problem found
   */
  public List<String> problems() {
    return problems;
  }
}
