package org.officebridge.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies and errors per operation, recorded from many threads. */
final class Latencies {

  /** One operation's figures: count, errors, and p50, p99 and max in milliseconds. */
  record Figures(long count, long errors, double p50, double p99, double max) {}

  /** One operation's latencies in nanoseconds, growing as needed. */
  private static final class Series {
    private long[] data = new long[4096];
    private int size;
    private final AtomicLong errors = new AtomicLong();

    synchronized void add(long nanos) {
      if (size == data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      data[size++] = nanos;
    }

    synchronized long[] sorted() {
      long[] copy = Arrays.copyOf(data, size);
      Arrays.sort(copy);
      return copy;
    }
  }

  private final Map<String, Series> series = new LinkedHashMap<>();
  private final List<String> firstErrors = new ArrayList<>();

  /**
   * @param operations the operations, in the order the report lists them
   */
  Latencies(List<String> operations) {
    operations.forEach(op -> series.put(op, new Series()));
  }

  /**
   * @param operation an operation
   * @param nanos how long one took
   */
  void record(String operation, long nanos) {
    series.get(operation).add(nanos);
  }

  /**
   * @param operation the failed operation
   * @param what what went wrong (never a token, nor a URL carrying one)
   */
  void error(String operation, String what) {
    series.get(operation).errors.incrementAndGet();
    synchronized (firstErrors) {
      if (firstErrors.size() < 20) {
        firstErrors.add(operation + ": " + what);
      }
    }
  }

  /**
   * @return the first errors seen (at most 20)
   */
  List<String> firstErrors() {
    synchronized (firstErrors) {
      return List.copyOf(firstErrors);
    }
  }

  /**
   * @return all errors so far
   */
  long totalErrors() {
    return series.values().stream().mapToLong(s -> s.errors.get()).sum();
  }

  /**
   * @return the figures per operation, in the given order
   */
  Map<String, Figures> figures() {
    Map<String, Figures> out = new LinkedHashMap<>();
    series.forEach(
        (op, s) -> {
          long[] sorted = s.sorted();
          out.put(
              op,
              new Figures(
                  sorted.length,
                  s.errors.get(),
                  millis(sorted, 0.50),
                  millis(sorted, 0.99),
                  sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
        });
    return out;
  }

  private static double millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
  }
}
