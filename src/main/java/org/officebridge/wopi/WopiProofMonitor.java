package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * What this node last saw of the WOPI client's proofs: when a proof last verified, and when and why
 * one last failed. The settings check reports it, because the connector cannot make the Document
 * Server sign a request without opening an editor.
 */
@ApplicationScoped
public class WopiProofMonitor {

  /**
   * A proof check.
   *
   * @param at when
   * @param reason for a failure: {@code missing}, {@code stale}, {@code invalid}, {@code no-keys}
   *     or {@code discovery-unavailable}; {@code valid} otherwise
   * @param detail what the connector logged about it
   */
  public record Observation(Instant at, String reason, String detail) {}

  private volatile Observation lastValid;
  private volatile Observation lastFailure;

  void valid(Instant at) {
    lastValid = new Observation(at, "valid", "the proof verified");
  }

  void failed(Instant at, String reason, String detail) {
    lastFailure = new Observation(at, reason, detail);
  }

  /**
   * @return the last proof that verified, if any
   */
  public Optional<Observation> lastValid() {
    return Optional.ofNullable(lastValid);
  }

  /**
   * @return the last proof that did not, if any
   */
  public Optional<Observation> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }
}
