package org.officebridge.standin;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stand-in's threads: a bounded pool for HTTP requests, a bounded pool for background work
 * (callbacks, conversions, WOPI calls) and one timer thread. All daemon threads named {@code
 * standin-<id>-...}; {@link #close()} stops them all.
 */
final class Threads implements AutoCloseable {

  private static final AtomicInteger INSTANCES = new AtomicInteger();

  final ExecutorService http;
  final ExecutorService workers;
  final ScheduledThreadPoolExecutor timers;

  Threads(int size) {
    int id = INSTANCES.incrementAndGet();
    http = pool(size, "standin-" + id + "-http-");
    workers = pool(size, "standin-" + id + "-work-");
    timers = new ScheduledThreadPoolExecutor(1, factory("standin-" + id + "-timer-"));
    timers.setRemoveOnCancelPolicy(true);
    timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  private static ExecutorService pool(int size, String prefix) {
    ThreadPoolExecutor e =
        new ThreadPoolExecutor(
            size, size, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), factory(prefix));
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  private static ThreadFactory factory(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  public void close() {
    for (ExecutorService e : List.of(timers, workers, http)) {
      e.shutdownNow();
    }
    for (ExecutorService e : List.of(timers, workers, http)) {
      try {
        e.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
