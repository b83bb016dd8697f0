package org.officebridge.examples.pghost;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a blob chunk by chunk, one query per chunk, holding one chunk in memory. Needs no open
 * transaction, because blobs never change; a blob deleted while it is read ends in an {@link
 * IOException}. Owns its connection and closes it.
 */
final class PgBlobInputStream extends InputStream {

  private final Connection connection;
  private final long blobId;
  private final long size;
  private PreparedStatement query;
  private byte[] chunk = new byte[0];
  private int offset;
  private int nextSeq;
  private long position;
  private boolean closed;

  PgBlobInputStream(Connection connection, long blobId, long size) {
    this.connection = connection;
    this.blobId = blobId;
    this.size = size;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (len == 0) {
      return 0;
    }
    if (offset == chunk.length) {
      if (position >= size) {
        return -1;
      }
      fetchNextChunk();
    }
    int n = Math.min(len, chunk.length - offset);
    System.arraycopy(chunk, offset, b, off, n);
    offset += n;
    position += n;
    return n;
  }

  @Override
  public int available() {
    return chunk.length - offset;
  }

  private void fetchNextChunk() throws IOException {
    try {
      if (query == null) {
        query =
            connection.prepareStatement(
                "SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?");
      }
      query.setLong(1, blobId);
      query.setInt(2, nextSeq);
      try (ResultSet r = query.executeQuery()) {
        if (!r.next()) {
          throw new IOException(
              "blob " + blobId + " ends at " + position + " of " + size + " bytes (deleted?)");
        }
        chunk = r.getBytes(1);
      }
      if (chunk.length == 0) {
        throw new IOException("blob " + blobId + " has an empty chunk " + nextSeq);
      }
      offset = 0;
      nextSeq++;
    } catch (SQLException e) {
      throw new IOException("cannot read blob " + blobId + " at " + position, e);
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    chunk = new byte[0];
    try (Connection c = connection;
        PreparedStatement q = query) {
      // closes both
    } catch (SQLException e) {
      throw new IOException("cannot close the connection of blob " + blobId, e);
    }
  }
}
