package org.officebridge.documentserver;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an asynchronous conversion stands.
 *
 * @param percent progress, 0-100
 * @param result the result, once the conversion has finished
 */
public record ConversionProgress(int percent, Optional<ConversionResult> result) {

  /** Checks that the result is present or empty, not null. */
  public ConversionProgress {
    Objects.requireNonNull(result, "result");
  }

  /**
   * @return whether the conversion has finished
   */
  public boolean done() {
    return result.isPresent();
  }
}
