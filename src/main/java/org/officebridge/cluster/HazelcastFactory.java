package org.officebridge.cluster;

import com.hazelcast.cache.HazelcastCachingProvider;
import com.hazelcast.cache.HazelcastMemberCachingProvider;
import com.hazelcast.cache.ICache;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.cache.HazelcastClientCachingProvider;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.CacheConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import java.util.UUID;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.spi.CachingProvider;
import org.officebridge.config.ClusterJoin;
import org.officebridge.config.Settings;

/**
 * Starts or finds the Hazelcast instance for a {@code cluster.mode}, and opens the connector's
 * caches on it through JCache.
 *
 * <p>An embedded member binds to {@code cluster.address} only, on one port without auto-increment,
 * for outgoing connections too; it finds members by the configured join only (cloud auto-detection
 * off) and never phones home.
 */
public final class HazelcastFactory {

  /** Cache of sessions by document id. */
  public static final String SESSIONS = "officebridge-sessions";

  /** Cache of processed-event markers. */
  public static final String PROCESSED = "officebridge-processed";

  /** Cache behind {@link SharedCache}. */
  public static final String SHARED = "officebridge-shared";

  /** Name of the split-brain protection the caches use when {@code cluster.min-members} > 1. */
  static final String PROTECTION = "officebridge-min-members";

  private HazelcastFactory() {}

  /**
   * @param cluster the settings
   * @param loader the class loader Hazelcast resolves classes with (the web application's)
   * @return the member configuration
   */
  public static Config memberConfig(Settings.Cluster cluster, ClassLoader loader) {
    Config config = new Config();
    config.setClassLoader(loader);
    config.setClusterName(cluster.name());
    config.setInstanceName("officebridge-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.socket.client.bind.any", "false");
    config.setProperty("hazelcast.local.localAddress", cluster.address());
    config.getJetConfig().setEnabled(false);
    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(false);
    network.getInterfaces().setEnabled(true).addInterface(cluster.address());
    network.getRestApiConfig().setEnabled(false);
    JoinConfig join = network.getJoin();
    join.getAutoDetectionConfig().setEnabled(false);
    join.getMulticastConfig().setEnabled(cluster.join() == ClusterJoin.MULTICAST);
    join.getTcpIpConfig().setEnabled(cluster.join() == ClusterJoin.TCP_IP);
    if (cluster.join() == ClusterJoin.TCP_IP) {
      join.getTcpIpConfig().addMember(cluster.address() + ":" + cluster.port());
      cluster.members().forEach(join.getTcpIpConfig()::addMember);
    }
    if (cluster.join() == ClusterJoin.KUBERNETES) {
      join.getKubernetesConfig()
          .setEnabled(true)
          .setProperty("service-dns", cluster.members().get(0))
          .setProperty("service-port", String.valueOf(cluster.port()));
    }
    if (cluster.minMembers() > 1) {
      config.addSplitBrainProtectionConfig(
          new SplitBrainProtectionConfig(PROTECTION, true, cluster.minMembers())
              .setProtectOn(SplitBrainProtectionOn.READ_WRITE));
    }
    return config;
  }

  /**
   * Starts an embedded member.
   *
   * @param cluster the settings
   * @param loader the web application's class loader
   * @return the running member
   */
  public static HazelcastInstance startMember(Settings.Cluster cluster, ClassLoader loader) {
    return Hazelcast.newHazelcastInstance(memberConfig(cluster, loader));
  }

  /**
   * Connects a client to an existing cluster.
   *
   * @param cluster the settings
   * @param loader the web application's class loader
   * @return the connected client
   */
  public static HazelcastInstance startClient(Settings.Cluster cluster, ClassLoader loader) {
    ClientConfig config = new ClientConfig();
    config.setClassLoader(loader);
    config.setClusterName(cluster.name());
    config.setInstanceName("officebridge-client-" + UUID.randomUUID());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.shutdownhook.enabled", "false");
    config.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
    config.getNetworkConfig().setAddresses(cluster.members());
    config
        .getConnectionStrategyConfig()
        .getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(30_000);
    return HazelcastClient.newHazelcastClient(config);
  }

  /**
   * The connector's caches on an instance.
   *
   * @param manager the JCache manager of the instance
   * @param sessions sessions by document id
   * @param processed processed-event markers
   * @param shared the {@link SharedCache} values
   */
  public record Caches(
      CacheManager manager,
      ICache<String, String> sessions,
      ICache<String, Long> processed,
      ICache<String, String> shared) {}

  /**
   * Opens (creating them on the cluster when missing) the connector's caches through JCache.
   *
   * @param instance a member or a client
   * @param client whether {@code instance} is a client
   * @param protectedByMinMembers whether the caches use the {@link #PROTECTION} split-brain
   *     protection
   * @return the caches
   */
  public static Caches openCaches(
      HazelcastInstance instance, boolean client, boolean protectedByMinMembers) {
    CachingProvider provider =
        client ? new HazelcastClientCachingProvider() : new HazelcastMemberCachingProvider();
    // the default URI and class loader: Hazelcast prefixes a cache's name with any other URI or
    // class loader (its toString, different in every server process), and the nodes would each
    // get caches of their own. The values are strings and numbers, so no application class loader
    // is needed to read them.
    CacheManager manager =
        provider.getCacheManager(
            null, null, HazelcastCachingProvider.propertiesByInstanceItself(instance));
    String protection = protectedByMinMembers ? PROTECTION : null;
    return new Caches(
        manager,
        open(manager, SESSIONS, String.class, String.class, protection),
        open(manager, PROCESSED, String.class, Long.class, protection),
        open(manager, SHARED, String.class, String.class, null));
  }

  @SuppressWarnings("unchecked")
  private static <V> ICache<String, V> open(
      CacheManager manager, String name, Class<String> keys, Class<V> values, String protection) {
    javax.cache.Cache<String, V> cache = manager.getCache(name, keys, values);
    if (cache == null) {
      CacheConfig<String, V> config = new CacheConfig<>();
      config.setTypes(keys, values);
      config.setBackupCount(1);
      config.setAsyncBackupCount(0);
      config.setSplitBrainProtectionName(protection);
      try {
        cache = manager.createCache(name, config);
      } catch (CacheException e) {
        cache = manager.getCache(name, keys, values);
        if (cache == null) {
          throw e;
        }
      }
    }
    return cache.unwrap(ICache.class);
  }
}
