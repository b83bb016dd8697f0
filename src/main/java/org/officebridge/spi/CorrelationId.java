package org.officebridge.spi;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The correlation id of the request the connector is handling on the current thread, for a host's
 * own log lines only: when the connector calls the SPI while handling a request, {@link #current()}
 * gives the id the connector's log lines of that request carry ({@code cid=...}), so that a host
 * can write it into its own. It is the WOPI client's {@code X-WOPI-CorrelationId}, a proxy's {@code
 * X-Correlation-Id} / {@code X-Request-Id}, or one the connector made up; the connector echoes it
 * as the response header {@code X-Correlation-Id}.
 *
 * <p>Never use it for decisions (who acts, what may be done): the acting user is always an explicit
 * parameter, and the id may come from the caller. Outside a request (a background task of the
 * host), and on threads the host starts itself, there is none.
 */
public final class CorrelationId {

  /** What an id may look like: 1-64 characters of {@code 0-9 A-Z a-z . _ : -}. */
  public static final Pattern VALID = Pattern.compile("[0-9A-Za-z._:-]{1,64}");

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private CorrelationId() {}

  /** Ends the binding made by {@link #bind}. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    /** Restores the id bound before, if any. */
    @Override
    void close();
  }

  /**
   * @return the correlation id of the request being handled on this thread, if any
   */
  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Binds an id to the current thread until the returned binding is closed. Called by the connector
   * around each request; a host has no reason to call it.
   *
   * @param id the id, matching {@link #VALID}
   * @return closes the binding, restoring the previous one
   * @throws IllegalArgumentException when the id does not match {@link #VALID}
   */
  public static Binding bind(String id) {
    if (id == null || !VALID.matcher(id).matches()) {
      throw new IllegalArgumentException("a correlation id is 1-64 characters of 0-9A-Za-z._:-");
    }
    String previous = CURRENT.get();
    CURRENT.set(id);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }
}
