package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkSigner;
import org.officebridge.session.DocumentKeys;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HistoryRecord;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.VersionHistory;
import org.officebridge.spi.VersionInfo;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * The editor's version history: the list for {@code refreshHistory}, one version's signed data for
 * {@code setHistoryData} (its download link, and its changes archive with the previous version, for
 * highlighting), and restoring an old version as a new one.
 */
@ApplicationScoped
public class EditorHistory {

  private static final Logger LOG = Logger.getLogger(EditorHistory.class.getName());
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject DocumentKeys keys;
  @Inject LinkSigner links;
  @Inject JwtService jwt;
  @Inject Clock clock;

  private VersionHistory versions() {
    return host.versions()
        .orElseThrow(() -> EditorException.notFound("the host keeps no version history"));
  }

  /**
   * @param actor the acting user
   * @return {@code {currentVersion, history:[{version, key, created, user, changes?,
   *     serverVersion?}]}}
   */
  Map<String, Object> list(EditorActor actor) {
    try {
      List<Entry> entries = entries(actor);
      List<Map<String, Object>> history = new ArrayList<>();
      for (Entry e : entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", e.info.number());
        m.put("key", e.key);
        m.put("created", CREATED.format(e.info.created()));
        m.put("user", Map.of("id", e.info.author().id(), "name", e.info.author().name()));
        e.record
            .flatMap(r -> EditorJson.read(r.changesJson()).map(c -> Map.entry(c, r)))
            .ifPresent(
                c -> {
                  m.put("changes", c.getKey());
                  m.put("serverVersion", c.getValue().serverVersion());
                });
        history.add(m);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(
          "currentVersion", entries.isEmpty() ? 1 : entries.get(entries.size() - 1).info.number());
      out.put("history", history);
      return out;
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  /** One version with the key the Document Server knows it by. */
  private record Entry(VersionInfo info, String key, Optional<HistoryRecord> record) {}

  /**
   * Keys: the current version has the document's current key; a version an editing session produced
   * has that session's key; any other version a key derived from its version. A key is never used
   * for two versions (forcesaves of one session share it), so a repeat is derived.
   */
  private List<Entry> entries(EditorActor actor) throws HostException {
    VersionHistory versions = versions();
    List<VersionInfo> list = versions.listVersions(actor.id());
    DocumentInfo current = host.documents().describe(actor.id());
    List<Entry> out = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = list.size() - 1; i >= 0; i--) {
      VersionInfo v = list.get(i);
      Optional<HistoryRecord> record = versions.loadHistory(actor.id(), v.version());
      String key;
      if (i == list.size() - 1 && v.version().equals(current.version())) {
        key = keys.current(current);
      } else if (record.isPresent() && v.kind() == VersionKind.EDIT_FINAL) {
        key = record.get().documentKey();
      } else {
        key = historyKey(actor, v);
      }
      if (!used.add(key)) {
        key = historyKey(actor, v);
        used.add(key);
      }
      out.add(0, new Entry(v, key, record));
    }
    return out;
  }

  private String historyKey(EditorActor actor, VersionInfo v) {
    return keys.derive(actor.id(), "history/" + v.version());
  }

  /**
   * @param actor the acting user
   * @param number a version number from the list
   * @return the signed argument of {@code setHistoryData}
   */
  Map<String, Object> data(EditorActor actor, int number) {
    try {
      List<Entry> entries = entries(actor);
      int index = -1;
      for (int i = 0; i < entries.size(); i++) {
        if (entries.get(i).info.number() == number) {
          index = i;
        }
      }
      if (index < 0) {
        throw EditorException.notFound("no version " + number);
      }
      Entry e = entries.get(index);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("version", number);
      data.put("key", e.key);
      data.put("url", versionUrl(actor, e.info));
      data.put("fileType", e.info.fileType());
      if (index > 0 && hasChanges(actor, e.info)) {
        Entry previous = entries.get(index - 1);
        data.put(
            "changesUrl",
            HistoryDownloadServlet.urlFor(links, settings, actor.id(), e.info.version()));
        data.put(
            "previous",
            Map.of(
                "key",
                previous.key,
                "url",
                versionUrl(actor, previous.info),
                "fileType",
                previous.info.fileType()));
      }
      data.put("token", jwt.sign(data));
      return data;
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private String versionUrl(EditorActor actor, VersionInfo v) {
    return DocumentDownloadServlet.urlFor(
        links, settings.connector().url().toString(), actor.id(), Optional.of(v.version()));
  }

  private boolean hasChanges(EditorActor actor, VersionInfo v) throws HostException {
    Optional<InputStream> changes = versions().openChanges(actor.id(), v.version());
    if (changes.isEmpty()) {
      return false;
    }
    try {
      changes.get().close();
    } catch (IOException e) {
      // only looked
    }
    return true;
  }

  /**
   * Restores an old version as the new current version ({@link VersionKind#RESTORE}), and ends the
   * document's Docs API session record so that the next editor opens the restored content under a
   * new key.
   *
   * @param actor the acting user (needs the edit right)
   * @param number the version to restore
   * @return the new history list
   */
  Map<String, Object> restore(EditorActor actor, int number) {
    actor.require(Permission.EDIT);
    VersionHistory versions = versions();
    try {
      VersionInfo old =
          versions.listVersions(actor.id()).stream()
              .filter(v -> v.number() == number)
              .findFirst()
              .orElseThrow(() -> EditorException.notFound("no version " + number));
      DocumentInfo current = host.documents().describe(actor.id());
      if (old.version().equals(current.version())) {
        throw EditorException.badRequest("version " + number + " is current");
      }
      try (Content content = versions.openVersion(actor.id(), old.version())) {
        host.documents()
            .storeVersion(
                actor.id(),
                new VersionRequest(
                    current.version(),
                    old.fileType(),
                    actor.user(),
                    VersionKind.RESTORE,
                    Optional.empty()),
                content.stream());
      } catch (IOException e) {
        throw new EditorException(503, "error.unavailable", "restore read failed");
      }
      Optional<EditingSession> session = host.sessions().load(actor.id(), clock.instant());
      if (session.isPresent() && session.get().protocol() == EditingSession.Protocol.DOCS_API) {
        host.sessions().remove(session.get());
        keys.markUsed(session.get().documentKey());
      }
      LOG.info(
          () ->
              "event=restore doc="
                  + actor.id()
                  + " version="
                  + number
                  + " user="
                  + actor.user().id());
      return list(actor);
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }
}
