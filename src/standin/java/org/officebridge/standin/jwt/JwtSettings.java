package org.officebridge.standin.jwt;

import java.time.Duration;
import java.util.Optional;

/**
 * The stand-in's JWT configuration, as in the DS's {@code services.CoAuthoring.token.*} and {@code
 * secret.*} (one secret for browser, inbox and outbox, as packaged installs do).
 *
 * @param secret the shared secret; empty when JWT is off
 * @param header the header name for header tokens (default {@code Authorization})
 * @param prefix the header value prefix (default {@code "Bearer "})
 * @param outboxInBody whether outgoing POSTs carry the token in the body
 * @param outboxInHeader whether outgoing requests carry the token in the header
 * @param outboxTtl lifetime of outgoing tokens (DS default 5 min)
 */
public record JwtSettings(
    Optional<String> secret,
    String header,
    String prefix,
    boolean outboxInBody,
    boolean outboxInHeader,
    Duration outboxTtl) {

  /** Validates the settings. */
  public JwtSettings {
    if (secret.isPresent() && secret.get().isEmpty()) {
      throw new IllegalArgumentException("JWT secret must not be empty");
    }
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException("JWT header must be named");
    }
    prefix = prefix == null ? "" : prefix;
  }

  /**
   * @return whether JWT is enabled
   */
  public boolean enabled() {
    return secret.isPresent();
  }

  /**
   * @return the codec for the configured secret
   * @throws IllegalStateException when JWT is off
   */
  public Hs256Jwt codec() {
    return new Hs256Jwt(secret.orElseThrow(() -> new IllegalStateException("JWT is off")));
  }
}
