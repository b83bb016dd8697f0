package org.officebridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples a JVM's retained heap (survivor plus old generation, as {@code jstat -gc} reports it)
 * every 100 ms, from before the transfer starts (the sampler waits for jstat's first line) to its
 * end. Young-generation garbage — the buffers of a streaming copy — is left out: what grows here is
 * what a request keeps. The baseline is taken right after a full GC.
 */
final class HeapSampler implements AutoCloseable {

  private final Process jstat;
  private final Thread reader;
  private final AtomicLong peakKib = new AtomicLong();
  private final AtomicLong samples = new AtomicLong();
  private final long baselineKib;

  private HeapSampler(Process jstat, long baselineKib) {
    this.jstat = jstat;
    this.baselineKib = baselineKib;
    this.reader = new Thread(this::read, "heap-sampler");
    this.reader.setDaemon(true);
    this.reader.start();
  }

  /**
   * Runs a full GC in the target, reads the baseline, then samples until closed.
   *
   * @param pid the JVM
   * @return the sampler
   * @throws IOException when jcmd or jstat fail
   * @throws InterruptedException when interrupted
   */
  static HeapSampler start(long pid) throws IOException, InterruptedException {
    Commands.run(List.of("jcmd", String.valueOf(pid), "GC.run"));
    long baseline = retainedKib(Commands.run(List.of("jstat", "-gc", String.valueOf(pid))));
    Process p =
        new ProcessBuilder("jstat", "-gc", String.valueOf(pid), "100")
            .redirectErrorStream(true)
            .start();
    HeapSampler sampler = new HeapSampler(p, baseline);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (sampler.samples.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return sampler;
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8))) {
      String header = null;
      for (String line; (line = in.readLine()) != null; ) {
        if (line.trim().startsWith("S0C")) {
          header = line;
          continue;
        }
        if (header != null) {
          long kib = retainedKib(header + "\n" + line);
          peakKib.accumulateAndGet(kib, Math::max);
          samples.incrementAndGet();
        }
      }
    } catch (IOException | RuntimeException e) {
      // the sampler stops with jstat
    }
  }

  /** S0U + S1U + OU from jstat -gc output (a header line and a value line). */
  static long retainedKib(String output) {
    String[] lines = output.trim().split("\n");
    String[] names = lines[0].trim().split("\\s+");
    String[] values = lines[lines.length - 1].trim().split("\\s+");
    double kib = 0;
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("OU")) {
        kib += Double.parseDouble(values[i]);
      }
    }
    return (long) kib;
  }

  /**
   * @return the largest growth of the retained heap over the baseline, in MiB
   * @throws IllegalStateException when jstat delivered no sample
   */
  double growthMib() {
    if (samples.get() == 0) {
      throw new IllegalStateException("jstat delivered no heap sample");
    }
    return Math.max(0, peakKib.get() - baselineKib) / 1024.0;
  }

  @Override
  public void close() throws InterruptedException {
    Thread.sleep(300);
    jstat.destroy();
    reader.join(2000);
  }
}
