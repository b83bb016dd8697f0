package org.officebridge.examples.pghost;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.officebridge.spi.HostUnavailableException;
import org.postgresql.util.PSQLException;

/**
 * Translates database failures into what the SPI lets the connector handle: a transient failure
 * (connection lost, database shutting down, out of resources, deadlock, lock timeout) becomes a
 * {@link HostUnavailableException}, so that the caller retries; anything else is a fault of this
 * host (schema, SQL, data) and becomes an {@link IllegalStateException}.
 */
final class PgErrors {

  /** The SQLSTATE of a unique violation. */
  static final String UNIQUE_VIOLATION = "23505";

  private PgErrors() {}

  /**
   * @param action what failed, for logs (no secret)
   * @param e the failure
   * @return the exception to throw, when the failure is transient
   * @throws IllegalStateException when it is not
   */
  static HostUnavailableException failure(String action, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = action + " failed: sqlstate=" + (state.isEmpty() ? "none" : state);
    if (isTransient(e, state)) {
      return new HostUnavailableException(message, e);
    }
    throw new IllegalStateException(message, e);
  }

  /**
   * @param e a failure
   * @param constraint the name of a unique index or constraint
   * @return whether {@code e} is a violation of that one
   */
  static boolean isUniqueViolation(SQLException e, String constraint) {
    return UNIQUE_VIOLATION.equals(e.getSQLState())
        && e instanceof PSQLException p
        && p.getServerErrorMessage() != null
        && constraint.equals(p.getServerErrorMessage().getConstraint());
  }

  private static boolean isTransient(SQLException e, String state) {
    return e instanceof SQLTransientException
        || e instanceof SQLRecoverableException
        || state.startsWith("08") // connection exception
        || state.startsWith("40") // serialization failure, deadlock
        || state.startsWith("53") // insufficient resources
        || state.startsWith("57") // operator intervention: shutdown, cancel
        || state.startsWith("58") // system error (I/O)
        || state.equals("55P03"); // lock not available
  }
}
