package org.officebridge.operations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of the settings check found: one finding per check, each saying in plain words what
 * works or what failed and which setting to change.
 *
 * @param at when the check ran
 * @param trigger who started it ({@code admin:<name>}, {@code schedule})
 * @param settings the non-secret settings it checked
 * @param findings one per check, in the order they ran
 */
public record SettingsCheckReport(
    Instant at, String trigger, Map<String, Object> settings, List<Finding> findings) {

  /** How a check ended. */
  public enum Status {
    /** It works. */
    PASSED,
    /** It does not; the message says what to change. */
    FAILED,
    /** Not tried, because an earlier check failed (the message names it). */
    SKIPPED,
    /** Not known yet (the message says how to find out). */
    UNKNOWN
  }

  /** Which way a check looks. */
  public enum Direction {
    /** The browser loads the Document Server's api.js (checked in the admin page). */
    BROWSER_TO_DOCUMENT_SERVER("browser -> Document Server"),
    /** The connector calls the Document Server. */
    CONNECTOR_TO_DOCUMENT_SERVER("connector -> Document Server"),
    /** The Document Server calls the connector. */
    DOCUMENT_SERVER_TO_CONNECTOR("Document Server -> connector");

    private final String text;

    Direction(String text) {
      this.text = text;
    }

    /**
     * @return how it is shown
     */
    public String text() {
      return text;
    }
  }

  /**
   * One check's outcome.
   *
   * @param check its id ({@code ds-healthcheck}, {@code ds-jwt}, ...)
   * @param direction which way it looks
   * @param status how it ended
   * @param message what works, or what failed and what to change
   */
  public record Finding(String check, Direction direction, Status status, String message) {
    /** Checks that every part is present. */
    public Finding {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(message, "message");
    }

    /**
     * @param check the check's id
     * @param direction which way it looks
     * @param why which earlier failure kept it from running
     * @return a skipped finding saying why
     */
    public static Finding skipped(String check, Direction direction, String why) {
      return new Finding(check, direction, Status.SKIPPED, "not tried: " + why);
    }
  }

  /** Copies the lists. */
  public SettingsCheckReport {
    settings = Map.copyOf(settings);
    findings = List.copyOf(findings);
  }

  /**
   * @return whether no check failed
   */
  public boolean passed() {
    return findings.stream().noneMatch(f -> f.status() == Status.FAILED);
  }

  /**
   * @return the report as JSON members
   */
  public Map<String, Object> toJson() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("outcome", passed() ? "passed" : "failed");
    out.put("at", at.toString());
    out.put("trigger", trigger);
    out.put("settings", new java.util.TreeMap<>(settings));
    out.put(
        "checks",
        findings.stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("check", f.check());
                  m.put("direction", f.direction().text());
                  m.put("status", f.status().name().toLowerCase(Locale.ROOT));
                  m.put("message", f.message());
                  return m;
                })
            .toList());
    return out;
  }
}
