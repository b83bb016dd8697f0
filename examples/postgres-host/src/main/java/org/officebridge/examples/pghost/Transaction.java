package org.officebridge.examples.pghost;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One database transaction on a connection, for try-with-resources: rolled back on close unless
 * committed, then the connection is back in auto-commit mode.
 */
final class Transaction implements AutoCloseable {

  private final Connection connection;
  private boolean committed;

  private Transaction(Connection connection) {
    this.connection = connection;
  }

  /**
   * @param connection a connection in auto-commit mode
   * @return the transaction begun on it
   * @throws SQLException when the connection fails
   */
  static Transaction begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    return new Transaction(connection);
  }

  /**
   * @throws SQLException when the commit fails; nothing is stored then
   */
  void commit() throws SQLException {
    connection.commit();
    committed = true;
  }

  @Override
  public void close() throws SQLException {
    try {
      if (!committed) {
        connection.rollback();
      }
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
