package org.officebridge.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.officebridge.config.ClusterJoin;
import org.officebridge.config.ClusterMode;
import org.officebridge.config.Settings;
import org.officebridge.spi.SessionStore;

/**
 * Hazelcast members in this JVM for the tests, configured as the connector configures them: on
 * 127.0.0.1, free ports, an explicit member list, a cluster name of their own (so parallel test
 * runs never join each other), no multicast, no auto-detection, no phone-home.
 */
final class TestGrid implements AutoCloseable {

  private final List<HazelcastInstance> instances = new ArrayList<>();
  private final List<HazelcastFactory.Caches> caches = new ArrayList<>();
  private final String name;

  private TestGrid(String name) {
    this.name = name;
  }

  /**
   * Starts members that list each other.
   *
   * @param count how many
   * @param minMembers the split-brain protection size
   * @return the grid
   * @throws IOException when no free port is found
   */
  static TestGrid start(int count, int minMembers) throws IOException {
    String name = "officebridge-test-" + UUID.randomUUID();
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(freePort());
    }
    List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    List<Settings.Cluster> settings = new ArrayList<>();
    for (int port : ports) {
      settings.add(
          new Settings.Cluster(
              ClusterMode.EMBEDDED,
              name,
              ClusterJoin.TCP_IP,
              members,
              "127.0.0.1",
              port,
              minMembers));
    }
    return start(settings);
  }

  /**
   * Starts one member for each of the settings, all at once.
   *
   * @param settings each member's settings (the same cluster name)
   * @return the grid
   */
  static TestGrid start(List<Settings.Cluster> settings) {
    TestGrid grid = new TestGrid(settings.get(0).name());
    List<Thread> starting = new ArrayList<>();
    List<HazelcastInstance> started = java.util.Collections.synchronizedList(new ArrayList<>());
    for (Settings.Cluster cluster : settings) {
      // each member with a class loader of its own, as each server has its own application
      // class loader (caches keyed by class loader would then not be shared)
      ClassLoader application = new URLClassLoader(new URL[0], TestGrid.class.getClassLoader());
      Config config = HazelcastFactory.memberConfig(cluster, application);
      if (cluster.join() == ClusterJoin.TCP_IP) {
        // members listed by address find each other at once; the other ways keep Hazelcast's
        // waits, without which members started together through discovery each form a cluster
        config
            .setProperty("hazelcast.wait.seconds.before.join", "0")
            .setProperty("hazelcast.max.wait.seconds.before.join", "2");
      }
      Thread t = new Thread(() -> started.add(Hazelcast.newHazelcastInstance(config)));
      t.start();
      starting.add(t);
    }
    for (Thread t : starting) {
      try {
        t.join(120_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    grid.instances.addAll(started);
    if (grid.instances.size() != settings.size()) {
      grid.close();
      throw new IllegalStateException("members did not start");
    }
    boolean protectedByMinMembers = settings.get(0).minMembers() > 1;
    for (HazelcastInstance hz : grid.instances) {
      grid.caches.add(HazelcastFactory.openCaches(hz, false, protectedByMinMembers));
    }
    return grid;
  }

  /**
   * @return the cluster name
   */
  String name() {
    return name;
  }

  /**
   * @param i a member index
   * @return that member
   */
  HazelcastInstance member(int i) {
    return instances.get(i);
  }

  /**
   * @param i a member index
   * @return a session store on that member
   */
  SessionStore store(int i) {
    HazelcastFactory.Caches c = caches.get(i);
    return new HazelcastSessionStore(c.sessions(), c.processed());
  }

  /**
   * @param i a member index
   * @return a shared cache on that member
   */
  SharedCache sharedCache(int i) {
    return new HazelcastSharedCache(caches.get(i).shared());
  }

  /**
   * @param i a member index
   * @return the member's address, host:port
   */
  String address(int i) {
    var a = instances.get(i).getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  @Override
  public void close() {
    for (HazelcastInstance hz : instances) {
      try {
        hz.getLifecycleService().terminate();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
