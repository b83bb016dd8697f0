package org.officebridge.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import org.officebridge.bench.JvmAttach;

/**
 * Reads the server JVM's live heap (used heap right after a full GC) and its thread count, through
 * the JDK's attach API and the server's local management agent ({@link JvmAttach}).
 */
final class ServerProbe implements AutoCloseable {

  /** One reading. */
  record Sample(long atMillis, long liveHeapBytes, int threads) {}

  private final JMXConnector connector;
  private final MemoryMXBean memory;
  private final ThreadMXBean threads;
  private final long started = System.nanoTime();

  private ServerProbe(JMXConnector connector, MemoryMXBean memory, ThreadMXBean threads) {
    this.connector = connector;
    this.memory = memory;
    this.threads = threads;
  }

  /**
   * @param pid the server JVM's process id
   * @return a probe connected to it
   * @throws IOException when the JVM cannot be attached to
   */
  static ServerProbe attach(long pid) throws IOException {
    JMXConnector connector = JvmAttach.connect(pid);
    MBeanServerConnection server = connector.getMBeanServerConnection();
    return new ServerProbe(
        connector,
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class),
        ManagementFactory.newPlatformMXBeanProxy(
            server, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class));
  }

  /**
   * Runs a full GC in the server, then reads its used heap and live threads.
   *
   * @return the reading, timed from the probe's start
   */
  Sample sample() {
    memory.gc();
    long heap = memory.getHeapMemoryUsage().getUsed();
    int count = threads.getThreadCount();
    return new Sample((System.nanoTime() - started) / 1_000_000, heap, count);
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
