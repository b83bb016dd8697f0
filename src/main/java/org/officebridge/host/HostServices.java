package org.officebridge.host;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import org.officebridge.cluster.ClusterService;
import org.officebridge.spi.AccessPolicy;
import org.officebridge.spi.DocumentCatalog;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.EditorCustomizer;
import org.officebridge.spi.MentionNotifier;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.SharingService;
import org.officebridge.spi.TemplateCatalog;
import org.officebridge.spi.UserDirectory;
import org.officebridge.spi.VersionHistory;

/**
 * The host's SPI implementations as the connector's features use them: required parts always
 * present (the deployment check guarantees it), optional capabilities as {@link Optional}.
 *
 * <p>The session store, in this order of precedence: the host's own {@link SessionStore}; else the
 * shared one of {@code cluster.mode} (Hazelcast); else, with {@code cluster.mode=none}, the
 * connector's in-memory one for a single node.
 */
@ApplicationScoped
public class HostServices {

  @Inject @Any Instance<Object> beans;
  @Inject InMemorySessionStore inMemorySessions;
  @Inject ClusterService cluster;

  private static final Logger LOG = Logger.getLogger(HostServices.class.getName());

  private final Map<Class<?>, Object> serviceLoaded = new HashMap<>();
  private DocumentStore documents;
  private UserDirectory users;
  private AccessPolicy access;
  private Optional<VersionHistory> versions;
  private Optional<SharingService> sharing;
  private Optional<TemplateCatalog> templates;
  private Optional<DocumentCatalog> catalog;
  private SessionStore sessions;
  private Optional<EditorCustomizer> customizer;
  private Optional<MentionNotifier> mentions;

  @PostConstruct
  void bind() {
    documents = find(DocumentStore.class).orElseThrow();
    users = find(UserDirectory.class).orElseThrow();
    access = find(AccessPolicy.class).orElseThrow();
    versions = find(VersionHistory.class);
    sharing = find(SharingService.class);
    templates = find(TemplateCatalog.class);
    catalog = find(DocumentCatalog.class);
    Optional<SessionStore> hostSessions = find(SessionStore.class);
    Optional<SessionStore> shared =
        hostSessions.isPresent() ? Optional.empty() : cluster.sessionStore();
    sessions = hostSessions.or(() -> shared).orElse(inMemorySessions);
    LOG.info(
        () ->
            "event=session-store source="
                + (hostSessions.isPresent() ? "host" : shared.isPresent() ? "cluster" : "memory")
                + " class="
                + sessions.getClass().getName());
    customizer = find(EditorCustomizer.class);
    mentions = find(MentionNotifier.class);
  }

  @PreDestroy
  void closeServiceLoaded() {
    for (Object part : serviceLoaded.values()) {
      if (part instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          java.util.logging.Logger.getLogger(HostServices.class.getName())
              .warning(() -> "event=host-close outcome=failed part=" + part.getClass().getName());
        }
      }
    }
    serviceLoaded.clear();
  }

  private <T> Optional<T> find(Class<T> type) {
    Instance<T> cdi = beans.select(type);
    if (cdi.isResolvable()) {
      return Optional.of(cdi.get());
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return ServiceLoader.load(type, loader).stream()
        .findFirst()
        .map(p -> type.cast(serviceLoaded.computeIfAbsent(p.type(), c -> p.get())));
  }

  /**
   * @return the host's documents
   */
  public DocumentStore documents() {
    return documents;
  }

  /**
   * @return the host's users
   */
  public UserDirectory users() {
    return users;
  }

  /**
   * @return the host's access decisions
   */
  public AccessPolicy access() {
    return access;
  }

  /**
   * @return the host's version history, if it has one
   */
  public Optional<VersionHistory> versions() {
    return versions;
  }

  /**
   * @return the host's sharing settings, if it has them
   */
  public Optional<SharingService> sharing() {
    return sharing;
  }

  /**
   * @return the host's templates, if it has them
   */
  public Optional<TemplateCatalog> templates() {
    return templates;
  }

  /**
   * @return the host's recent files, pickers and favourites, if it has them
   */
  public Optional<DocumentCatalog> catalog() {
    return catalog;
  }

  /**
   * @return where sessions and locks live: the host's store, else the cluster's, else memory
   */
  public SessionStore sessions() {
    return sessions;
  }

  /**
   * @return the host's per-page editor customization, if it has one
   */
  public Optional<EditorCustomizer> customizer() {
    return customizer;
  }

  /**
   * @return the host's mention notifications, if it has them
   */
  public Optional<MentionNotifier> mentions() {
    return mentions;
  }
}
