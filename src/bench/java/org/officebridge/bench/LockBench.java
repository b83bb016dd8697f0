package org.officebridge.bench;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.officebridge.cluster.HazelcastFactory;
import org.officebridge.cluster.HazelcastSessionStore;
import org.officebridge.config.ClusterJoin;
import org.officebridge.config.ClusterMode;
import org.officebridge.config.Settings;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.SessionStore;

/**
 * WOPI's lock cycle (lock = insert, refresh = replace, unlock = remove) through the Hazelcast
 * session store on two members that talk over loopback TCP, as the connector configures them;
 * threads alternate between the members, so half the operations reach a partition owned by the
 * other member.
 */
final class LockBench {

  /**
   * @param operationsPerSecond lock, refresh and unlock operations per second, all threads
   * @param p99Millis 99th percentile of one operation
   * @param p50Millis median of one operation
   */
  record Result(double operationsPerSecond, double p99Millis, double p50Millis) {}

  private LockBench() {}

  /**
   * @param threads client threads
   * @param duration how long to measure (after a warm-up of a third of it)
   * @return the measurement
   * @throws Exception when the members do not start or an operation fails
   */
  static Result run(int threads, Duration duration) throws Exception {
    String name = "officebridge-bench-" + UUID.randomUUID();
    List<Integer> ports = List.of(freePort(), freePort());
    List<String> members = ports.stream().map(p -> "127.0.0.1:" + p).toList();
    List<HazelcastInstance> instances = new ArrayList<>();
    ClassLoader loader = LockBench.class.getClassLoader();
    try {
      List<Future<HazelcastInstance>> starting = new ArrayList<>();
      ExecutorService starter = Executors.newFixedThreadPool(2);
      for (int port : ports) {
        Settings.Cluster c =
            new Settings.Cluster(
                ClusterMode.EMBEDDED, name, ClusterJoin.TCP_IP, members, "127.0.0.1", port, 1);
        starting.add(
            starter.submit(
                () ->
                    Hazelcast.newHazelcastInstance(
                        HazelcastFactory.memberConfig(c, loader)
                            .setProperty("hazelcast.wait.seconds.before.join", "0")
                            .setProperty("hazelcast.logging.type", "none"))));
      }
      for (Future<HazelcastInstance> f : starting) {
        instances.add(f.get(3, TimeUnit.MINUTES));
      }
      starter.shutdown();
      List<SessionStore> stores = new ArrayList<>();
      for (HazelcastInstance hz : instances) {
        HazelcastFactory.Caches caches = HazelcastFactory.openCaches(hz, false, false);
        stores.add(new HazelcastSessionStore(caches.sessions(), caches.processed()));
      }
      measure(stores, threads, duration.dividedBy(3));
      return measure(stores, threads, duration);
    } finally {
      instances.forEach(HazelcastInstance::shutdown);
    }
  }

  private static Result measure(List<SessionStore> stores, int threads, Duration duration)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> results = new ArrayList<>();
    long deadline = System.nanoTime() + duration.toNanos();
    for (int t = 0; t < threads; t++) {
      SessionStore store = stores.get(t % stores.size());
      int thread = t;
      results.add(pool.submit(() -> cycle(store, thread, start, deadline)));
    }
    long began = System.nanoTime();
    start.countDown();
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> f : results) {
      all.add(f.get());
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    pool.shutdown();
    long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(
        latencies.length / seconds,
        latencies[(int) (latencies.length * 0.99)] / 1e6,
        latencies[latencies.length / 2] / 1e6);
  }

  private static long[] cycle(SessionStore store, int thread, CountDownLatch start, long deadline)
      throws Exception {
    start.await();
    long[] latencies = new long[1 << 20];
    int n = 0;
    Instant now = Instant.now();
    for (int i = 0; System.nanoTime() < deadline && n + 3 <= latencies.length; i++) {
      EditingSession lock = session("bench-" + thread + "-" + (i % 1000), now);
      long t0 = System.nanoTime();
      if (!store.insert(lock, now)) {
        throw new IllegalStateException("lock refused");
      }
      long t1 = System.nanoTime();
      EditingSession refreshed = lock.nextRevision();
      if (!store.replace(lock, refreshed, now)) {
        throw new IllegalStateException("refresh refused");
      }
      long t2 = System.nanoTime();
      if (!store.remove(refreshed)) {
        throw new IllegalStateException("unlock refused");
      }
      long t3 = System.nanoTime();
      latencies[n++] = t1 - t0;
      latencies[n++] = t2 - t1;
      latencies[n++] = t3 - t2;
    }
    return Arrays.copyOf(latencies, n);
  }

  private static EditingSession session(String doc, Instant now) {
    return new EditingSession(
        new DocumentId(doc),
        EditingSession.Protocol.WOPI,
        doc,
        "1",
        Optional.of("lock-" + doc),
        Set.of("u1"),
        0,
        now,
        now.plus(Duration.ofMinutes(30)),
        0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
