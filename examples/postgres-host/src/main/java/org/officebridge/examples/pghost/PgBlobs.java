package org.officebridge.examples.pghost;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Content in the database: an immutable blob is a row in {@code blobs} and its bytes, in chunks of
 * at most {@link #CHUNK} bytes, rows in {@code blob_chunks}. A blob is written inside the caller's
 * transaction, so it appears together with the version that refers to it, or never; only one chunk
 * is ever in memory.
 */
final class PgBlobs {

  /** Bytes per chunk row. */
  static final int CHUNK = 1 << 20;

  private PgBlobs() {}

  /** A written blob. */
  record Blob(long id, long size) {}

  /**
   * Streams {@code in} to its end into a new blob.
   *
   * @param c a connection inside a transaction
   * @param in the bytes; not closed
   * @return the new blob
   * @throws IOException when reading {@code in} fails (the caller rolls back)
   * @throws SQLException when the database fails
   */
  static Blob write(Connection c, InputStream in) throws IOException, SQLException {
    long id;
    try (PreparedStatement s = c.prepareStatement("INSERT INTO blobs DEFAULT VALUES RETURNING id");
        ResultSet r = s.executeQuery()) {
      r.next();
      id = r.getLong(1);
    }
    long size = 0;
    byte[] buffer = new byte[CHUNK];
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO blob_chunks (blob_id, seq, data) VALUES (?, ?, ?)")) {
      int seq = 0;
      for (int n; (n = in.readNBytes(buffer, 0, CHUNK)) > 0; seq++) {
        insert.setLong(1, id);
        insert.setInt(2, seq);
        insert.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, n), n);
        insert.executeUpdate();
        size += n;
      }
    }
    try (PreparedStatement s = c.prepareStatement("UPDATE blobs SET size = ? WHERE id = ?")) {
      s.setLong(1, size);
      s.setLong(2, id);
      s.executeUpdate();
    }
    return new Blob(id, size);
  }

  /**
   * Opens a blob for reading; the stream owns {@code c} and closes it.
   *
   * @param c a connection in auto-commit mode
   * @param id the blob
   * @param size its size
   * @return its bytes
   */
  static InputStream open(Connection c, long id, long size) {
    return new PgBlobInputStream(c, id, size);
  }

  /**
   * Deletes those of {@code ids} that no version refers to any more. Locks the blobs first, so that
   * two transactions dropping the last two references both see the other's deletion in turn.
   *
   * @param c a connection inside the transaction that dropped the references
   * @param ids candidate blobs
   * @throws SQLException when the database fails
   */
  static void deleteUnreferenced(Connection c, Collection<Long> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    Array array = c.createArrayOf("bigint", ids.toArray());
    try (PreparedStatement lock =
        c.prepareStatement("SELECT id FROM blobs WHERE id = ANY (?) ORDER BY id FOR UPDATE")) {
      lock.setArray(1, array);
      lock.executeQuery().close();
    }
    try (PreparedStatement delete =
        c.prepareStatement(
            "DELETE FROM blobs b WHERE b.id = ANY (?)"
                + " AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.blob_id = b.id)"
                + " AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.changes_blob_id = b.id)")) {
      delete.setArray(1, array);
      delete.executeUpdate();
    }
  }
}
