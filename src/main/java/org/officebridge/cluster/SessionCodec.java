package org.officebridge.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;

/**
 * Turns an {@link EditingSession} into a string and back. Stored values are plain strings so that
 * every member (or a cluster the connector is only a client of) can hold and compare them without
 * any connector class, and compare-and-set compares exactly the bytes that were read.
 */
final class SessionCodec {

  private static final int FORMAT = 1;

  private SessionCodec() {}

  /**
   * @param s a session
   * @return its stored form
   */
  static String encode(EditingSession s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeUTF(s.documentId().value());
      out.writeUTF(s.protocol().name());
      out.writeUTF(s.documentKey());
      out.writeUTF(s.baseVersion());
      out.writeUTF(s.lockId().orElse(""));
      out.writeInt(s.editors().size());
      for (String editor : s.editors().stream().sorted().toList()) {
        out.writeUTF(editor);
      }
      out.writeInt(s.intermediateSaves());
      out.writeLong(s.started().getEpochSecond());
      out.writeInt(s.started().getNano());
      out.writeLong(s.expiresAt().getEpochSecond());
      out.writeInt(s.expiresAt().getNano());
      out.writeLong(s.revision());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * @param stored a value written by {@link #encode}
   * @return the session
   * @throws UnreadableSessionException when the value is not one this codec wrote
   */
  static EditingSession decode(String stored) {
    try (DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored)))) {
      if (in.readByte() != FORMAT) {
        throw new UnreadableSessionException(null);
      }
      DocumentId id = new DocumentId(in.readUTF());
      EditingSession.Protocol protocol = EditingSession.Protocol.valueOf(in.readUTF());
      String key = in.readUTF();
      String baseVersion = in.readUTF();
      String lock = in.readUTF();
      int editorCount = in.readInt();
      Set<String> editors = new HashSet<>();
      for (int i = 0; i < editorCount; i++) {
        editors.add(in.readUTF());
      }
      int saves = in.readInt();
      Instant started = Instant.ofEpochSecond(in.readLong(), in.readInt());
      Instant expires = Instant.ofEpochSecond(in.readLong(), in.readInt());
      long revision = in.readLong();
      return new EditingSession(
          id,
          protocol,
          key,
          baseVersion,
          lock.isEmpty() ? Optional.empty() : Optional.of(lock),
          editors,
          saves,
          started,
          expires,
          revision);
    } catch (IOException | IllegalArgumentException e) {
      throw new UnreadableSessionException(e);
    }
  }

  /** A stored value this codec did not write: a bug or a foreign writer, never worth a retry. */
  static final class UnreadableSessionException extends RuntimeException {
    UnreadableSessionException(Throwable cause) {
      super("unreadable stored session", cause);
    }
  }
}
