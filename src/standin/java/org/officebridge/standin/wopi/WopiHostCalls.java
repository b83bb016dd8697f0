package org.officebridge.standin.wopi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.office.DocumentWriter;
import org.officebridge.standin.office.TextExtractor;
import org.officebridge.standin.storage.FileStore;

/**
 * The WOPI requests with their ONLYOFFICE-specific headers (digest §12), built on {@link
 * WopiClient}; stateless.
 */
final class WopiHostCalls {

  private final WopiClient client;
  private final FormatTable formats;
  private final FileStore store;
  private final long maxBytes;

  WopiHostCalls(WopiClient client, FormatTable formats, FileStore store, long maxBytes) {
    this.client = client;
    this.formats = formats;
    this.store = store;
    this.maxBytes = maxBytes;
  }

  /** LOCK, REFRESH_LOCK or UNLOCK with the document id as lock id. */
  WopiClient.Answer lock(
      String wopiSrc, String docId, String session, String token, String override)
      throws InterruptedException {
    String operation =
        switch (override) {
          case "LOCK" -> "Lock";
          case "UNLOCK" -> "Unlock";
          default -> "RefreshLock";
        };
    return client
        .call(operation, "POST", wopiSrc, "", token, session)
        .header("X-WOPI-Override", override)
        .header("X-WOPI-Lock", docId)
        .send();
  }

  /** GetFile with X-WOPI-MaxExpectedSize, streamed to {@code target}. */
  WopiClient.Answer getFile(String wopiSrc, String token, String session, Path target)
      throws InterruptedException {
    return client
        .call("GetFile", "GET", wopiSrc, "/contents", token, session)
        .header("X-WOPI-MaxExpectedSize", Long.toString(maxBytes))
        .download(target, maxBytes);
  }

  /** PutFile's flags. */
  record PutFlags(boolean modifiedByUser, boolean autosave, boolean exitSave) {}

  /** PutFile with X-WOPI-Lock (when locked), X-WOPI-Editors and the X-LOOL-WOPI flags. */
  WopiClient.Call putFile(
      String wopiSrc,
      String token,
      String session,
      String ext,
      Optional<String> lock,
      List<String> editors,
      PutFlags flags,
      Optional<String> lastModified) {
    WopiClient.Call c =
        client
            .call("PutFile", "POST", wopiSrc, "/contents", token, session)
            .header("X-WOPI-Override", "PUT")
            .header("X-WOPI-Editors", String.join(",", editors))
            .header("X-LOOL-WOPI-IsModifiedByUser", Boolean.toString(flags.modifiedByUser()))
            .header("X-LOOL-WOPI-IsAutosave", Boolean.toString(flags.autosave()))
            .header("X-LOOL-WOPI-IsExitSave", Boolean.toString(flags.exitSave()))
            .header("Content-Type", formats.mime(ext));
    lock.ifPresent(l -> c.header("X-WOPI-Lock", l));
    lastModified.ifPresent(t -> c.header("X-LOOL-WOPI-Timestamp", t));
    return c;
  }

  /** PutRelativeFile in suggested mode (UTF-7 X-WOPI-SuggestedTarget), no lock header. */
  WopiClient.Call putRelative(
      String wopiSrc, String token, String session, String suggested, Path body, String ext)
      throws IOException {
    return client
        .call("PutRelativeFile", "POST", wopiSrc, "", token, session)
        .header("X-WOPI-Override", "PUT_RELATIVE")
        .header("X-WOPI-SuggestedTarget", Utf7.encode(suggested))
        .header("X-WOPI-Size", Long.toString(Files.size(body)))
        .header("Content-Type", formats.mime(ext))
        .body(body);
  }

  /** A copy of {@code source} as {@code to}, converted from its text when the types differ. */
  Path convertFile(Path source, String from, String to, String title) throws IOException {
    Path out = store.scratch();
    if (from.equals(to)) {
      Files.copy(source, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return out;
    }
    Path scratch = store.scratch();
    try (OutputStream o = Files.newOutputStream(out)) {
      DocumentWriter.write(to, title, TextExtractor.lines(source, from), scratch, o);
    } finally {
      Files.deleteIfExists(scratch);
    }
    return out;
  }
}
