package org.officebridge.standin.callback;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.officebridge.standin.faults.Faults;

/**
 * Sends callbacks in order per document (one queue per key on the worker pool), applying the
 * callback faults: duplicates (every callback twice) and reordering (each callback held back until
 * the next one of the same document has gone, or until a hold timeout).
 */
public final class CallbackDispatcher {

  private static final System.Logger LOG = System.getLogger(CallbackDispatcher.class.getName());

  private final CallbackSender sender;
  private final Executor workers;
  private final ScheduledExecutorService timers;
  private final Faults faults;
  private final Duration holdTimeout;
  private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  private record Held(Runnable send, CompletableFuture<Boolean> result) {}

  /**
   * @param sender the sender
   * @param workers where deliveries run
   * @param timers for hold timeouts
   * @param faults the fault switches
   * @param holdTimeout how long a reordered callback waits for a successor
   */
  public CallbackDispatcher(
      CallbackSender sender,
      Executor workers,
      ScheduledExecutorService timers,
      Faults faults,
      Duration holdTimeout) {
    this.sender = sender;
    this.workers = workers;
    this.timers = timers;
    this.faults = faults;
    this.holdTimeout = holdTimeout;
  }

  /**
   * Queues a callback.
   *
   * @param key the document key
   * @param url the callbackUrl
   * @param body the parameters
   * @param retry whether to retry on 429/5xx/network errors
   * @return completes with whether the callback was accepted
   */
  public CompletableFuture<Boolean> send(
      String key, URI url, Map<String, Object> body, boolean retry) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    Runnable task = () -> enqueue(key, () -> result.complete(deliver(key, url, body, retry)));
    if (!faults.outOfOrderCallbacks()) {
      task.run();
      return result;
    }
    Held previous = held.remove(key);
    if (previous == null) {
      held.put(key, new Held(task, result));
      timers.schedule(() -> release(key, result), holdTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      task.run();
      previous.send().run();
    }
    return result;
  }

  private void release(String key, CompletableFuture<Boolean> result) {
    Held h = held.get(key);
    if (h != null && h.result() == result && held.remove(key, h)) {
      h.send().run();
    }
  }

  private boolean deliver(String key, URI url, Map<String, Object> body, boolean retry) {
    try {
      boolean accepted = sender.deliver(key, url, body, retry);
      if (faults.duplicateCallbacks()) {
        sender.deliver(key, url, body, false);
      }
      return accepted;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void enqueue(String key, Runnable delivery) {
    tails.compute(
        key,
        (k, tail) -> {
          CompletableFuture<?> start =
              tail == null ? CompletableFuture.completedFuture(null) : tail;
          return start
              .handle((r, e) -> null)
              .thenRunAsync(
                  () -> {
                    try {
                      delivery.run();
                    } catch (RuntimeException e) {
                      LOG.log(Level.WARNING, "callback delivery failed key=" + k, e);
                    }
                  },
                  workers);
        });
  }
}
