package org.officebridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;

/**
 * The server's live heap while a transfer runs: attached to the server JVM through the JDK's attach
 * API and its local management agent, it runs a full GC and reads the used heap, again and again
 * until closed. The growth is the largest live heap over the one before the transfer: what a
 * request keeps, not the garbage its copy buffer leaves (which a full GC clears). A copy of the
 * document in memory would show.
 */
final class HeapSampler implements AutoCloseable {

  private final JMXConnector connector;
  private final MemoryMXBean memory;
  private final long baseline;
  private final AtomicLong peak = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapSampler(JMXConnector connector, MemoryMXBean memory) {
    this.connector = connector;
    this.memory = memory;
    this.baseline = liveHeap();
    this.sampler = new Thread(this::sample, "heap-sampler");
    this.sampler.setDaemon(true);
    this.sampler.start();
  }

  /**
   * Attaches to the JVM, reads the live heap before the transfer, then samples until closed.
   *
   * @param pid the server JVM
   * @return the sampler
   * @throws IOException when the JVM cannot be attached to
   */
  static HeapSampler start(long pid) throws IOException {
    JMXConnector connector = JvmAttach.connect(pid);
    MBeanServerConnection server = connector.getMBeanServerConnection();
    MemoryMXBean memory =
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
    return new HeapSampler(connector, memory);
  }

  private long liveHeap() {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private void sample() {
    try {
      while (running) {
        peak.accumulateAndGet(liveHeap(), Math::max);
        samples.incrementAndGet();
        Thread.sleep(100);
      }
    } catch (RuntimeException | InterruptedException e) {
      // the sampler ends with the connection
    }
  }

  /**
   * @return the largest live-heap growth over the baseline, in MiB
   * @throws IllegalStateException when no sample was taken during the transfer
   */
  double growthMib() {
    if (samples.get() == 0) {
      throw new IllegalStateException("no heap sample during the transfer");
    }
    return Math.max(0, peak.get() - baseline) / (1024.0 * 1024.0);
  }

  /**
   * @return how many live-heap samples were taken
   */
  long samples() {
    return samples.get();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (running) {
      running = false;
      sampler.join(10_000);
      connector.close();
    }
  }
}
