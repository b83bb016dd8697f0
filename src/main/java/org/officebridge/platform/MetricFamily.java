package org.officebridge.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One metric with its label names and one series per combination of label values: a counter, a
 * gauge, or a histogram of durations with fixed buckets. Lock-free (a {@link LongAdder} per series
 * and bucket). Label values come from small fixed vocabularies; should a caller ever produce more
 * than {@value #MAX_SERIES} combinations, the rest are counted under the value {@code other}, so a
 * scrape stays bounded.
 */
final class MetricFamily {

  /** How the family is exposed. */
  enum Type {
    COUNTER,
    GAUGE,
    HISTOGRAM
  }

  /** Upper bounds of the histogram buckets, in seconds. */
  static final double[] BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120
  };

  static final int MAX_SERIES = 200;

  private final String name;
  private final String help;
  private final Type type;
  private final List<String> labelNames;
  private final Map<List<String>, Series> series = new ConcurrentHashMap<>();

  /** The values of one series. */
  private static final class Series {
    final LongAdder count = new LongAdder();
    final AtomicLong gauge = new AtomicLong();
    final LongAdder sumNanos = new LongAdder();
    final LongAdder[] buckets;

    Series(boolean histogram) {
      buckets = new LongAdder[histogram ? BUCKETS.length : 0];
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }
  }

  MetricFamily(String name, String help, Type type, String... labelNames) {
    this.name = name;
    this.help = help;
    this.type = type;
    this.labelNames = List.of(labelNames);
  }

  String name() {
    return name;
  }

  void add(long amount, String... labels) {
    series(labels).count.add(amount);
  }

  void set(long value, String... labels) {
    series(labels).gauge.set(value);
  }

  void observe(long nanos, String... labels) {
    Series s = series(labels);
    s.count.increment();
    s.sumNanos.add(Math.max(0, nanos));
    double seconds = nanos / 1e9;
    for (int i = 0; i < BUCKETS.length; i++) {
      if (seconds <= BUCKETS[i]) {
        s.buckets[i].increment();
        return;
      }
    }
  }

  /**
   * @param labels label values
   * @return the current count (counters, histograms) or value (gauges) of that series, 0 if unseen
   */
  long value(String... labels) {
    Series s = series.get(List.of(labels));
    if (s == null) {
      return 0;
    }
    return type == Type.GAUGE ? s.gauge.get() : s.count.sum();
  }

  private Series series(String... labels) {
    if (labels.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " takes labels " + labelNames);
    }
    List<String> key = Arrays.asList(labels.clone());
    for (int i = 0; i < labels.length; i++) {
      key.set(i, labels[i] == null || labels[i].isEmpty() ? "none" : labels[i]);
    }
    Series s = series.get(key);
    if (s != null) {
      return s;
    }
    if (series.size() >= MAX_SERIES) {
      key = new ArrayList<>(key);
      key.replaceAll(v -> "other");
    }
    return series.computeIfAbsent(List.copyOf(key), k -> new Series(type == Type.HISTOGRAM));
  }

  /**
   * Writes the family in the Prometheus text exposition format (version 0.0.4).
   *
   * @param out where to write
   */
  void write(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ")
        .append(name)
        .append(' ')
        .append(type.name().toLowerCase(java.util.Locale.ROOT))
        .append('\n');
    series.entrySet().stream()
        .sorted(
            Map.Entry.comparingByKey(
                (a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b))))
        .forEach(e -> write(out, e.getKey(), e.getValue()));
  }

  private void write(StringBuilder out, List<String> labels, Series s) {
    switch (type) {
      case COUNTER -> line(out, name, labels, null, Long.toString(s.count.sum()));
      case GAUGE -> line(out, name, labels, null, Long.toString(s.gauge.get()));
      case HISTOGRAM -> {
        long cumulative = 0;
        for (int i = 0; i < BUCKETS.length; i++) {
          cumulative += s.buckets[i].sum();
          line(
              out,
              name + "_bucket",
              labels,
              Double.toString(BUCKETS[i]),
              Long.toString(cumulative));
        }
        long count = s.count.sum();
        line(out, name + "_bucket", labels, "+Inf", Long.toString(count));
        line(out, name + "_sum", labels, null, Double.toString(s.sumNanos.sum() / 1e9));
        line(out, name + "_count", labels, null, Long.toString(count));
      }
    }
  }

  private void line(
      StringBuilder out, String metric, List<String> labels, String le, String value) {
    out.append(metric);
    if (!labels.isEmpty() || le != null) {
      out.append('{');
      for (int i = 0; i < labels.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(labelNames.get(i)).append("=\"").append(escape(labels.get(i))).append('"');
      }
      if (le != null) {
        out.append(labels.isEmpty() ? "" : ",").append("le=\"").append(le).append('"');
      }
      out.append('}');
    }
    out.append(' ').append(value).append('\n');
  }

  private static String escape(String value) {
    StringBuilder b = new StringBuilder(value.length());
    for (int i = 0; i < value.length() && i < 128; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        default -> b.append(c < 0x20 || c == 0x7f ? '?' : c);
      }
    }
    return b.toString();
  }
}
