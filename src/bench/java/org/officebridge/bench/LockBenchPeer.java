package org.officebridge.bench;

import com.hazelcast.core.Hazelcast;
import java.util.List;
import org.officebridge.config.ClusterJoin;
import org.officebridge.config.ClusterMode;
import org.officebridge.config.Settings;

/**
 * The second node of {@link LockBench}: a Hazelcast member in a JVM of its own, configured as the
 * connector configures an embedded member on 127.0.0.1. Prints {@value #READY} once it runs, and
 * runs until the harness ends the process.
 */
public final class LockBenchPeer {

  /** The line printed when the member runs. */
  static final String READY = "lock-bench-peer ready";

  private LockBenchPeer() {}

  /**
   * @param args the cluster name, this member's port, and every member as host:port, comma
   *     separated
   * @throws InterruptedException when interrupted while running
   */
  public static void main(String[] args) throws InterruptedException {
    Settings.Cluster c =
        new Settings.Cluster(
            ClusterMode.EMBEDDED,
            args[0],
            ClusterJoin.TCP_IP,
            List.of(args[2].split(",")),
            "127.0.0.1",
            Integer.parseInt(args[1]),
            1);
    Hazelcast.newHazelcastInstance(LockBench.memberConfig(c));
    System.out.println(READY);
    System.out.flush();
    Thread.currentThread().join();
  }
}
