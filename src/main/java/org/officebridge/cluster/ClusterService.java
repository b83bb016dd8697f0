package org.officebridge.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.officebridge.config.ClusterMode;
import org.officebridge.config.Settings;
import org.officebridge.spi.SessionStore;

/**
 * The connector's place in a cluster, as {@code cluster.mode} says: nothing ({@code none}), an
 * embedded Hazelcast member, a client of a Hazelcast cluster, or Payara's own data grid (found in
 * JNDI as {@code payara/Hazelcast}). Started when the application starts, so nodes join at
 * deployment and a member that cannot start fails it; stopped when the application stops (Payara's
 * grid is left running).
 */
@ApplicationScoped
public class ClusterService {

  /** Where Payara binds its data grid's {@link HazelcastInstance}. */
  static final String PAYARA_JNDI = "payara/Hazelcast";

  private static final Logger LOG = Logger.getLogger(ClusterService.class.getName());

  @Inject Settings settings;

  private HazelcastInstance instance;
  private boolean owned;
  private HazelcastFactory.Caches caches;
  private SessionStore store;
  private SharedCache sharedCache = new LocalSharedCache();

  void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
    started();
  }

  private synchronized boolean started() {
    if (instance != null || settings.cluster().mode() == ClusterMode.NONE) {
      return instance != null;
    }
    Settings.Cluster cluster = settings.cluster();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    switch (cluster.mode()) {
      case EMBEDDED -> {
        instance = HazelcastFactory.startMember(cluster, loader);
        owned = true;
      }
      case CLIENT -> {
        instance = HazelcastFactory.startClient(cluster, loader);
        owned = true;
      }
      case PAYARA -> instance = payaraGrid();
      default -> throw new IllegalStateException("unknown cluster mode " + cluster.mode());
    }
    // on Payara's grid the split-brain protection is Payara's Hazelcast configuration:
    // min-members names a protection that only the connector's own member defines
    caches =
        HazelcastFactory.openCaches(
            instance,
            cluster.mode() == ClusterMode.CLIENT,
            cluster.mode() != ClusterMode.PAYARA && cluster.minMembers() > 1);
    sharedCache = new HazelcastSharedCache(caches.shared());
    store = new HazelcastSessionStore(caches.sessions(), caches.processed());
    LOG.info(
        () ->
            "event=cluster-start mode="
                + cluster.mode().text()
                + " name="
                + cluster.name()
                + " members="
                + instance.getCluster().getMembers().size());
    return true;
  }

  private static HazelcastInstance payaraGrid() {
    try {
      return (HazelcastInstance) new InitialContext().lookup(PAYARA_JNDI);
    } catch (NamingException | ClassCastException e) {
      throw new IllegalStateException(
          "cluster.mode=payara needs Payara's data grid: it is not in JNDI as "
              + PAYARA_JNDI
              + " (is Hazelcast enabled in the Payara configuration?)",
          e);
    }
  }

  /**
   * @return the shared session store, unless {@code cluster.mode} is {@code none}
   */
  public Optional<SessionStore> sessionStore() {
    return started() ? Optional.of(store) : Optional.empty();
  }

  /**
   * @return the cache for node-local caches that must be one truth (this node's memory with {@code
   *     cluster.mode=none})
   */
  public SharedCache sharedCache() {
    started();
    return sharedCache;
  }

  /**
   * For features: {@code @Inject SharedCache} gets {@link #sharedCache()}.
   *
   * @return the shared cache
   */
  @Produces
  SharedCache produceSharedCache() {
    return sharedCache();
  }

  /**
   * @return how many members the cluster has as this node sees it (1 without a cluster)
   */
  public int memberCount() {
    if (!started()) {
      return 1;
    }
    try {
      return instance.getCluster().getMembers().size();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (caches != null) {
      caches.manager().close();
    }
    if (instance != null && owned) {
      instance.shutdown();
    }
    instance = null;
    caches = null;
    store = null;
  }
}
