package org.officebridge.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.officebridge.spi.DocumentId;

/**
 * What users should learn about their saves: failed saves, saves the Document Server is retrying,
 * recovery and conflict copies. Kept in memory on this node for {@value #KEEP_DAYS} days (at most
 * {@value #PER_DOCUMENT} per document, {@value #DOCUMENTS} documents), shown by {@code
 * api/editor/status}. Lost on restart: the durable record is the copy itself, the log line, and the
 * Document Server's forgotten file.
 */
@ApplicationScoped
public class SaveNotices {

  static final int KEEP_DAYS = 7;
  static final int PER_DOCUMENT = 20;
  static final int DOCUMENTS = 10_000;

  /** What happened. */
  public enum Kind {
    /** A save failed for a passing reason; the Document Server retries it. */
    SAVE_RETRYING,
    /** The final save failed; the Document Server keeps the file as a forgotten file. */
    SAVE_FAILED,
    /** An intermediate save failed; editing goes on and the final save will still come. */
    FORCESAVE_FAILED,
    /** The Document Server reported a save error; what it sent is kept as a recovery copy. */
    RECOVERY_COPY,
    /** The document changed in the DMS during the session; the edit is kept as a copy. */
    CONFLICT_COPY
  }

  /**
   * One notice.
   *
   * @param id an opaque id
   * @param document the document the session edited
   * @param kind what happened
   * @param at when
   * @param users the users of the session (who should learn about it)
   * @param copy the recovery or conflict copy, if one was made
   * @param copyTitle its title
   * @param event the save event it is about (a later success of the same event clears a retry)
   */
  public record Notice(
      String id,
      DocumentId document,
      Kind kind,
      Instant at,
      Set<String> users,
      Optional<DocumentId> copy,
      Optional<String> copyTitle,
      String event) {
    /** Copies the users and checks that every part is present. */
    public Notice {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(at, "at");
      users = Set.copyOf(users);
      Objects.requireNonNull(copy, "copy");
      Objects.requireNonNull(copyTitle, "copyTitle");
      Objects.requireNonNull(event, "event");
    }
  }

  @Inject Clock clock;

  private final Map<DocumentId, Deque<Notice>> byDocument =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DocumentId, Deque<Notice>> eldest) {
          return size() > DOCUMENTS;
        }
      };

  /**
   * Records a notice; a newer notice about the same event replaces a retry notice.
   *
   * @param document the document
   * @param kind what happened
   * @param users who should learn about it
   * @param copy the copy made, if any, with its title
   * @param copyTitle the copy's title, if any
   * @param event the save event
   */
  public synchronized void add(
      DocumentId document,
      Kind kind,
      Set<String> users,
      Optional<DocumentId> copy,
      Optional<String> copyTitle,
      String event) {
    Deque<Notice> notices = byDocument.computeIfAbsent(document, d -> new ArrayDeque<>());
    notices.removeIf(n -> n.kind() == Kind.SAVE_RETRYING && n.event().equals(event));
    notices.addLast(
        new Notice(
            UUID.randomUUID().toString(),
            document,
            kind,
            clock.instant(),
            users,
            copy,
            copyTitle,
            event));
    while (notices.size() > PER_DOCUMENT) {
      notices.removeFirst();
    }
  }

  /**
   * Clears the retry notice of an event that has now succeeded.
   *
   * @param document the document
   * @param event the save event
   */
  public synchronized void resolve(DocumentId document, String event) {
    Deque<Notice> notices = byDocument.get(document);
    if (notices != null) {
      notices.removeIf(n -> n.kind() == Kind.SAVE_RETRYING && n.event().equals(event));
      if (notices.isEmpty()) {
        byDocument.remove(document);
      }
    }
  }

  /**
   * @param document a document
   * @return its notices of the last {@value #KEEP_DAYS} days, oldest first
   */
  public synchronized List<Notice> list(DocumentId document) {
    Deque<Notice> notices = byDocument.get(document);
    if (notices == null) {
      return List.of();
    }
    Instant since = clock.instant().minus(Duration.ofDays(KEEP_DAYS));
    notices.removeIf(n -> n.at().isBefore(since));
    return List.copyOf(notices);
  }
}
