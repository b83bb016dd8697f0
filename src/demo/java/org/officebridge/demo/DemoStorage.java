package org.officebridge.demo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentCatalog;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HistoryRecord;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionConflictException;
import org.officebridge.spi.VersionHistory;
import org.officebridge.spi.VersionInfo;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * The demo's documents in a folder on disk: one directory per document with its metadata ({@code
 * meta.properties}), each version's bytes ({@code v<n>.bin}) and description ({@code
 * v<n>.properties}), and the Document Server's history data and changes archive beside each
 * version. A version becomes visible only when {@code meta.properties} points at it, and that file
 * is replaced atomically; all titles live in one folder and are unique, ignoring case. Metadata is
 * read through a {@link DemoPropertiesCache} (one {@code stat} a file instead of a read), so
 * listing the folder for recent files costs little, and writes by other processes are still seen.
 */
@ApplicationScoped
public class DemoStorage implements DocumentStore, VersionHistory, DocumentCatalog {

  private static final String META = "meta.properties";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<DocumentId, Object> locks = new ConcurrentHashMap<>();
  private final Object createLock = new Object();
  private final DemoPropertiesCache properties = new DemoPropertiesCache();
  private Path root;
  private Clock clock;
  private DemoFaults faults;

  /** For CDI; the folder is chosen in {@link #init()}. */
  public DemoStorage() {}

  /**
   * A store over a folder, for tests and tools.
   *
   * @param dataDir the folder (created if missing)
   * @param clock the clock for timestamps
   * @return the store, not seeded
   */
  public static DemoStorage open(Path dataDir, Clock clock) {
    DemoStorage storage = new DemoStorage();
    storage.root = dataDir.resolve("documents");
    storage.clock = clock;
    storage.faults = new DemoFaults(dataDir);
    storage.createRoot();
    return storage;
  }

  @PostConstruct
  void init() {
    root = DemoSettings.dataDir().resolve("documents");
    clock = Clock.systemUTC();
    faults = new DemoFaults(DemoSettings.dataDir());
    createRoot();
    if (listAll().isEmpty()) {
      DemoSamples.seed(this);
    }
  }

  private void createRoot() {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo folder " + root, e);
    }
  }

  /**
   * @return every document, newest change first
   */
  public List<DocumentInfo> listAll() {
    List<DocumentInfo> all = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root)) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        Optional<DocumentId> id = name.startsWith(".") ? Optional.empty() : DocumentId.parse(name);
        if (id.isPresent()) {
          try {
            all.add(describe(id.get()));
          } catch (DocumentNotFoundException | HostUnavailableException e) {
            // no meta.properties (deleted or half-created meanwhile): not listed
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(DocumentInfo::lastModified).reversed());
    return all;
  }

  @Override
  public DocumentInfo describe(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    Properties meta = meta(id);
    int current = Integer.parseInt(meta.getProperty("current"));
    Properties version = versionProperties(id, current);
    return info(id, meta, current, version);
  }

  private DocumentInfo info(DocumentId id, Properties meta, int number, Properties version) {
    return new DocumentInfo(
        id,
        meta.getProperty("title"),
        Long.parseLong(version.getProperty("size")),
        String.valueOf(number),
        Instant.parse(version.getProperty("created")),
        meta.getProperty("owner"),
        Optional.of(new DocumentInfo.Folder("Demo documents", DemoSettings.folderUrl())));
  }

  @Override
  public Content openContent(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    Properties meta = meta(id);
    int current = Integer.parseInt(meta.getProperty("current"));
    return openNumber(id, meta, current);
  }

  private Content openNumber(DocumentId id, Properties meta, int number)
      throws DocumentNotFoundException, HostUnavailableException {
    Properties version = versionProperties(id, number);
    DocumentInfo info = info(id, meta, number, version);
    String fileType = version.getProperty("fileType");
    DocumentInfo described =
        fileType.equals(info.fileType())
            ? info
            : new DocumentInfo(
                id,
                info.baseName() + "." + fileType,
                info.size(),
                info.version(),
                info.lastModified(),
                info.ownerId(),
                info.folder());
    try {
      return new Content(described, Files.newInputStream(dir(id).resolve("v" + number + ".bin")));
    } catch (NoSuchFileException e) {
      throw new DocumentNotFoundException("version " + number + " of " + id + " is missing", e);
    } catch (IOException e) {
      throw new HostUnavailableException("cannot read " + id, e);
    }
  }

  @Override
  public DocumentInfo storeVersion(DocumentId id, VersionRequest request, InputStream content)
      throws VersionConflictException,
          DocumentNotFoundException,
          HostUnavailableException,
          IOException {
    Path dir = dir(id);
    meta(id);
    faults.beforeStore();
    Path staged = DemoFolder.stage(dir, content);
    try {
      synchronized (lockFor(id)) {
        Properties meta = meta(id);
        int current = Integer.parseInt(meta.getProperty("current"));
        if (!String.valueOf(current).equals(request.expectedBaseVersion())) {
          throw new VersionConflictException(
              "version " + request.expectedBaseVersion() + " of " + id + " is not current",
              String.valueOf(current));
        }
        int next = current + 1;
        writeVersion(dir, next, Files.size(staged), request, staged);
        meta.setProperty("current", String.valueOf(next));
        String title = meta.getProperty("title");
        if (!FileNames.extension(title).equals(request.fileType())) {
          meta.setProperty("title", FileNames.baseName(title) + "." + request.fileType());
        }
        properties.write(dir.resolve(META), meta);
        return describe(id);
      }
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  private void writeVersion(Path dir, int number, long size, VersionRequest request, Path staged)
      throws IOException {
    Properties version = new Properties();
    version.setProperty("size", String.valueOf(size));
    version.setProperty("created", clock.instant().toString());
    version.setProperty("author", request.author().id());
    version.setProperty("authorName", request.author().name());
    version.setProperty("kind", request.kind().name());
    version.setProperty("fileType", request.fileType());
    request.sessionKey().ifPresent(k -> version.setProperty("sessionKey", k));
    properties.write(dir.resolve("v" + number + ".properties"), version);
    DemoFolder.commit(staged, dir.resolve("v" + number + ".bin"));
  }

  @Override
  public DocumentInfo createDocument(NewDocument spec, InputStream content, User actor)
      throws NameConflictException,
          InvalidNameException,
          DocumentNotFoundException,
          HostUnavailableException,
          IOException {
    if (spec.besides().isPresent()) {
      meta(spec.besides().get());
    }
    faults.beforeStore();
    String fileType = FileNames.extension(spec.title());
    if (fileType.isEmpty() || !fileType.matches("[a-z0-9]{1,10}")) {
      throw new InvalidNameException("a document title needs an extension of a-z 0-9");
    }
    Path incoming = root.resolve(".new-" + randomId());
    try {
      Path staged = DemoFolder.stage(incoming, content);
      VersionRequest first =
          new VersionRequest("0", fileType, actor, VersionKind.CREATED, Optional.empty());
      writeVersion(incoming, 1, Files.size(staged), first, staged);
      Properties meta = new Properties();
      meta.setProperty("title", spec.title());
      meta.setProperty("owner", actor.id());
      meta.setProperty("current", "1");
      DemoFolder.writeProperties(incoming.resolve(META), meta);
      DocumentId id = new DocumentId(randomId());
      synchronized (createLock) {
        requireFreeTitle(spec.title(), Optional.empty());
        DemoFolder.commit(incoming, dir(id));
      }
      return describe(id);
    } finally {
      deleteTree(incoming);
    }
  }

  private void requireFreeTitle(String title, Optional<DocumentId> except)
      throws NameConflictException {
    Set<String> taken = new java.util.HashSet<>();
    DocumentId holder = null;
    for (DocumentInfo d : listAll()) {
      if (except.isEmpty() || !except.get().equals(d.id())) {
        taken.add(d.title().toLowerCase(Locale.ROOT));
        if (d.title().equalsIgnoreCase(title)) {
          holder = d.id();
        }
      }
    }
    if (holder == null) {
      return;
    }
    String base = FileNames.baseName(title);
    String ext = FileNames.extension(title);
    for (int i = 2; ; i++) {
      String candidate = base + " (" + i + ")" + (ext.isEmpty() ? "" : "." + ext);
      if (!taken.contains(candidate.toLowerCase(Locale.ROOT))) {
        throw new NameConflictException("the title is taken", candidate, holder);
      }
    }
  }

  @Override
  public DocumentInfo rename(DocumentId id, String newTitle, User actor)
      throws InvalidNameException,
          NameConflictException,
          DocumentNotFoundException,
          HostUnavailableException {
    if (!FileNames.isValid(newTitle)) {
      throw new InvalidNameException("not a valid file name");
    }
    synchronized (createLock) {
      synchronized (lockFor(id)) {
        Properties meta = meta(id);
        if (!FileNames.extension(newTitle).equals(FileNames.extension(meta.getProperty("title")))) {
          throw new InvalidNameException("a rename keeps the extension");
        }
        requireFreeTitle(newTitle, Optional.of(id));
        meta.setProperty("title", newTitle);
        try {
          properties.write(dir(id).resolve(META), meta);
        } catch (IOException e) {
          throw new HostUnavailableException("cannot rename " + id, e);
        }
        return describe(id);
      }
    }
  }

  @Override
  public DocumentInfo copy(DocumentId id, String newTitle, User actor)
      throws NameConflictException,
          InvalidNameException,
          DocumentNotFoundException,
          HostUnavailableException {
    try (Content content = openContent(id)) {
      return createDocument(new NewDocument(newTitle, Optional.of(id)), content.stream(), actor);
    } catch (IOException e) {
      throw new HostUnavailableException("cannot copy " + id, e);
    }
  }

  @Override
  public void delete(DocumentId id, User actor)
      throws DocumentNotFoundException, HostUnavailableException {
    synchronized (lockFor(id)) {
      meta(id);
      Path trash = root.resolve(".deleted-" + randomId());
      try {
        DemoFolder.commit(dir(id), trash);
        properties.forgetUnder(dir(id));
        deleteTree(trash);
      } catch (IOException e) {
        throw new HostUnavailableException("cannot delete " + id, e);
      }
    }
  }

  @Override
  public boolean supportsDelete() {
    return true;
  }

  @Override
  public List<VersionInfo> listVersions(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    int current = Integer.parseInt(meta(id).getProperty("current"));
    List<VersionInfo> versions = new ArrayList<>();
    for (int n = 1; n <= current; n++) {
      Properties v = versionProperties(id, n);
      User author = User.of(v.getProperty("author"), v.getProperty("authorName"), Locale.ROOT);
      versions.add(
          new VersionInfo(
              String.valueOf(n),
              n,
              Instant.parse(v.getProperty("created")),
              author,
              Long.parseLong(v.getProperty("size")),
              v.getProperty("fileType"),
              VersionKind.valueOf(v.getProperty("kind"))));
    }
    return versions;
  }

  @Override
  public Content openVersion(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException {
    Properties meta = meta(id);
    return openNumber(id, meta, number(id, meta, version));
  }

  private int number(DocumentId id, Properties meta, String version)
      throws DocumentNotFoundException {
    try {
      int n = Integer.parseInt(version);
      if (n >= 1 && n <= Integer.parseInt(meta.getProperty("current"))) {
        return n;
      }
    } catch (NumberFormatException e) {
      // not one of ours
    }
    throw new DocumentNotFoundException("no version " + version + " of " + id);
  }

  @Override
  public void storeHistory(DocumentId id, String version, HistoryRecord history)
      throws DocumentNotFoundException, HostUnavailableException {
    int n = number(id, meta(id), version);
    Properties p = new Properties();
    p.setProperty("key", history.documentKey());
    p.setProperty("changes", history.changesJson());
    p.setProperty("serverVersion", history.serverVersion());
    try {
      DemoFolder.writeProperties(dir(id).resolve("v" + n + ".history.properties"), p);
    } catch (IOException e) {
      throw new HostUnavailableException("cannot store history of " + id, e);
    }
  }

  @Override
  public void storeChanges(DocumentId id, String version, InputStream zip)
      throws DocumentNotFoundException, HostUnavailableException, IOException {
    int n = number(id, meta(id), version);
    Path staged = DemoFolder.stage(dir(id), zip);
    try {
      DemoFolder.commit(staged, dir(id).resolve("v" + n + ".changes.zip"));
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  @Override
  public Optional<HistoryRecord> loadHistory(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException {
    int n = number(id, meta(id), version);
    try {
      Properties p = DemoFolder.readProperties(dir(id).resolve("v" + n + ".history.properties"));
      if (p.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new HistoryRecord(
              p.getProperty("key"), p.getProperty("changes"), p.getProperty("serverVersion")));
    } catch (IOException e) {
      throw new HostUnavailableException("cannot read history of " + id, e);
    }
  }

  @Override
  public Optional<InputStream> openChanges(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException {
    int n = number(id, meta(id), version);
    Path file = dir(id).resolve("v" + n + ".changes.zip");
    try {
      return Files.exists(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    } catch (IOException e) {
      throw new HostUnavailableException("cannot read changes of " + id, e);
    }
  }

  @Override
  public List<DocumentInfo> recentDocuments(User user, Set<String> fileTypes, int limit) {
    return listAll().stream()
        .filter(d -> fileTypes.isEmpty() || fileTypes.contains(d.fileType()))
        .limit(limit)
        .toList();
  }

  @Override
  public boolean isFavorite(DocumentId id, User user)
      throws DocumentNotFoundException, HostUnavailableException {
    return Boolean.parseBoolean(meta(id).getProperty("favorite." + user.id()));
  }

  @Override
  public void setFavorite(DocumentId id, User user, boolean favorite)
      throws DocumentNotFoundException, HostUnavailableException {
    synchronized (lockFor(id)) {
      Properties meta = meta(id);
      meta.setProperty("favorite." + user.id(), String.valueOf(favorite));
      try {
        properties.write(dir(id).resolve(META), meta);
      } catch (IOException e) {
        throw new HostUnavailableException("cannot store favourite of " + id, e);
      }
    }
  }

  private Properties meta(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    Path file = dir(id).resolve(META);
    try {
      Properties meta = properties.read(file);
      if (meta.isEmpty()) {
        throw new DocumentNotFoundException("no document " + id);
      }
      return meta;
    } catch (IOException e) {
      throw new HostUnavailableException("cannot read " + id, e);
    }
  }

  private Properties versionProperties(DocumentId id, int number)
      throws DocumentNotFoundException, HostUnavailableException {
    try {
      Properties p = properties.read(dir(id).resolve("v" + number + ".properties"));
      if (p.isEmpty()) {
        throw new DocumentNotFoundException("no version " + number + " of " + id);
      }
      return p;
    } catch (IOException e) {
      throw new HostUnavailableException("cannot read " + id, e);
    }
  }

  private Path dir(DocumentId id) {
    return root.resolve(id.value());
  }

  private Object lockFor(DocumentId id) {
    return locks.computeIfAbsent(id, k -> new Object());
  }

  private static String randomId() {
    String alphabet = "abcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder b = new StringBuilder("d");
    for (int i = 0; i < 15; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
