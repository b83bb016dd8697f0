package org.officebridge.standin.session;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.storage.FileStore;
import org.officebridge.standin.storage.StoredFile;

/**
 * Assembles what a save hands out: a snapshot of the working copy, a ZIP of the change data (one
 * {@code changes.json}), the {@code history} object and {@code lastsave}.
 */
final class SaveAssembler {

  /**
   * A save, ready to be linked from a callback.
   *
   * @param document the assembled document
   * @param changes the change archive
   * @param history {@code {serverVersion, changes:[{created, user}]}}
   * @param lastsave when the document was last changed, ISO-8601
   */
  record Assembled(
      StoredFile document, StoredFile changes, Map<String, Object> history, String lastsave) {}

  private final FileStore store;
  private final FormatTable formats;
  private final Clock clock;
  private final String serverVersion;

  SaveAssembler(FileStore store, FormatTable formats, Clock clock, String serverVersion) {
    this.store = store;
    this.formats = formats;
    this.clock = clock;
    this.serverVersion = serverVersion;
  }

  /** Call with the session's monitor held. */
  Assembled assemble(DocSession s) throws IOException {
    Path doc = store.scratch();
    Files.copy(s.content, doc, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    StoredFile document =
        store.adopt(
            doc, "output." + s.workingType, formats.mime(s.workingType), Faults.FileKind.DOCUMENT);
    List<Object> changeList = new ArrayList<>();
    List<Object> data = new ArrayList<>();
    for (DocSession.Change c : s.changes) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("created", c.created());
      h.put("user", c.user().describe());
      changeList.add(h);
      Map<String, Object> d = new LinkedHashMap<>(h);
      d.put("change", c.text());
      data.add(d);
    }
    Path zip = store.scratch();
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("changes.json"));
      z.write(Json.write(data).getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    StoredFile changes =
        store.adopt(zip, "changes.zip", "application/zip", Faults.FileKind.CHANGES);
    Map<String, Object> history = new LinkedHashMap<>();
    history.put("serverVersion", serverVersion);
    history.put("changes", changeList);
    String lastsave = (s.lastChange == null ? clock.instant() : s.lastChange).toString();
    return new Assembled(document, changes, history, lastsave);
  }

  /** The JSON of a submitted form ({@code formsdataurl}). */
  StoredFile formsData(DocSession s, EditorUser submitter) throws IOException {
    List<Object> fields = new ArrayList<>();
    fields.add(field("Name", submitter.name()));
    fields.add(field("UserId", submitter.id()));
    fields.add(field("Submitted", clock.instant().toString()));
    fields.add(field("Document", s.title));
    Path p = store.scratch();
    Files.writeString(p, Json.write(fields), StandardCharsets.UTF_8);
    return store.adopt(p, "formsdata.json", "application/json", Faults.FileKind.DOCUMENT);
  }

  private static Map<String, Object> field(String key, String value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("tag", "");
    m.put("value", value);
    m.put("type", "text");
    return m;
  }
}
