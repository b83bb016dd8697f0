package org.officebridge.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.officebridge.config.Settings;
import org.officebridge.demo.DemoStorage;
import org.officebridge.spi.DocumentId;
import org.officebridge.testing.WopiTestClient;

/**
 * What every part of one benchmark run shares: the running server and its settings, the documents
 * and their baseline files, the WOPI client, and where the figures go.
 *
 * @param server the server under test
 * @param settings the connector's settings on it
 * @param documents the benchmark documents by size
 * @param files the baseline deployment's folder of the same files, named {@code file-<n>MiB.bin}
 * @param storage the demo DMS's folder, read directly (current versions)
 * @param linkSecret the connector's link secret (callback URLs)
 * @param wopi signs WOPI calls with the stand-in's proof keys
 * @param report the results table
 * @param plot the throughput plot
 * @param quick whether this is a smoke run
 */
record Bench(
    BenchServer server,
    Settings settings,
    Map<Long, DocumentId> documents,
    Path files,
    DemoStorage storage,
    String linkSecret,
    WopiTestClient wopi,
    Report report,
    ThroughputPlot plot,
    boolean quick) {

  static final long MIB = 1L << 20;

  /**
   * @return the document sizes, smallest first
   */
  List<Long> sizes() {
    return documents.keySet().stream().sorted().toList();
  }

  /**
   * @param size a document size
   * @return the baseline file of that size on disk
   */
  Path file(long size) {
    return files.resolve("file-" + (size / MIB) + "MiB.bin");
  }

  /**
   * @param size a document size
   * @return the same file as the server's static content
   */
  java.net.URI staticFile(long size) {
    return server.url("/bench/files/file-" + (size / MIB) + "MiB.bin");
  }

  /**
   * @return the baseline deployment's endpoint that reads an upload and discards it
   */
  java.net.URI uploadSink() {
    return server.url("/bench/api/sink");
  }

  /**
   * @return how often each transfer is repeated (the median counts)
   */
  int repeats() {
    return quick ? 2 : 3;
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static String mibs(double bytesPerSecond) {
    return String.format("%,.0f MiB/s", bytesPerSecond / MIB);
  }

  static String rps(Wrk.Result r) {
    return String.format("%,.0f req/s, p99 %.1f ms", r.requestsPerSecond(), r.p99Millis());
  }

  static String ratio(double measured, double baseline, boolean met) {
    return String.format("%.0f %% — %s", 100 * measured / baseline, met ? "met" : "GAP");
  }
}
