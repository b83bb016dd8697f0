package org.officebridge.bench;

import java.time.Duration;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmarks 4 and 5, which need no application server: the lock cycle on the Hazelcast store, and
 * the JMH microbenchmarks.
 */
final class MicroBench {

  private final Report report;
  private final boolean quick;

  MicroBench(Report report, boolean quick) {
    this.report = report;
    this.quick = quick;
  }

  void run() throws Exception {
    locks();
    jmh();
  }

  private void locks() throws Exception {
    LockBench.Result r = LockBench.run(4, Duration.ofSeconds(quick ? 6 : 20));
    report.add(
        new Report.Row(
            "lock / refresh / unlock, Hazelcast store, 2 nodes (processes), 4 threads",
            String.format(
                "%,.0f ops/s, p50 %.2f ms, p99 %.2f ms",
                r.operationsPerSecond(), r.p50Millis(), r.p99Millis()),
            "—",
            "reported",
            "measured"));
    report.note(
        "Locks: the session store on two Hazelcast members in two JVM processes talking over"
            + " loopback TCP, every operation through one of them; each involves the other, which"
            + " owns half the keys and holds the synchronous backup of the rest.");
  }

  private void jmh() throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options
        .include(JwtBenchmark.class.getName())
        .include(ProofKeyBenchmark.class.getName())
        .forks(1)
        .warmupIterations(quick ? 1 : 3)
        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
        .measurementIterations(quick ? 2 : 5)
        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
        .jvmArgs("-Xmx256m")
        .shouldFailOnError(true);
    for (RunResult r : new Runner(options.build()).run()) {
      String name = r.getParams().getBenchmark();
      report.add(
          new Report.Row(
              "JMH " + name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
              String.format(
                  "%,.1f ops/ms ± %.1f",
                  r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()),
              "—",
              "reported",
              "measured"));
    }
  }
}
