package org.officebridge.bench;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
import java.util.stream.Collectors;
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
 * session store on two nodes, as the connector configures their members: this JVM's member and one
 * in a second JVM process ({@link LockBenchPeer}), talking over loopback TCP. Every operation goes
 * through this JVM's member, and every one involves the other node: half the keys are owned there,
 * and the other half have their synchronous backup there.
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
    String members = ports.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    Process peer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                LockBenchPeer.class.getName(),
                name,
                String.valueOf(ports.get(1)),
                members)
            .redirectErrorStream(true)
            .start();
    HazelcastInstance local = null;
    try {
      awaitReady(peer);
      Settings.Cluster c =
          new Settings.Cluster(
              ClusterMode.EMBEDDED,
              name,
              ClusterJoin.TCP_IP,
              List.of(members.split(",")),
              "127.0.0.1",
              ports.get(0),
              1);
      local = Hazelcast.newHazelcastInstance(memberConfig(c));
      if (local.getCluster().getMembers().size() != 2) {
        throw new IllegalStateException("the second node did not join");
      }
      HazelcastFactory.Caches caches = HazelcastFactory.openCaches(local, false, false);
      SessionStore store = new HazelcastSessionStore(caches.sessions(), caches.processed());
      measure(store, threads, duration.dividedBy(3));
      return measure(store, threads, duration);
    } finally {
      if (local != null) {
        local.shutdown();
      }
      peer.destroy();
      if (!peer.waitFor(20, TimeUnit.SECONDS)) {
        peer.destroyForcibly();
      }
    }
  }

  /** A member as the connector configures it, quiet and quick to join. */
  static com.hazelcast.config.Config memberConfig(Settings.Cluster c) {
    return HazelcastFactory.memberConfig(c, LockBench.class.getClassLoader())
        .setProperty("hazelcast.wait.seconds.before.join", "0")
        .setProperty("hazelcast.logging.type", "none");
  }

  /** Waits for the peer's "ready" line, failing with what it printed when it dies first. */
  private static void awaitReady(Process peer) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder printed = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.equals(LockBenchPeer.READY)) {
        // keep draining what it prints, so it never blocks on a full pipe
        Thread drain =
            new Thread(
                () -> {
                  try {
                    out.transferTo(java.io.Writer.nullWriter());
                  } catch (IOException e) {
                    // the peer ended
                  }
                },
                "lock-bench-peer-output");
        drain.setDaemon(true);
        drain.start();
        return;
      }
      printed.append(line).append('\n');
    }
    throw new IllegalStateException("the second node ended before it was ready:\n" + printed);
  }

  private static Result measure(SessionStore store, int threads, Duration duration)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> results = new ArrayList<>();
    long deadline = System.nanoTime() + duration.toNanos();
    for (int t = 0; t < threads; t++) {
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
