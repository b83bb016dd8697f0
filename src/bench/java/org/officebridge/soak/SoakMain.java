package org.officebridge.soak;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.PayaraMicroProcess;
import org.officebridge.testing.WopiTestClient;

/**
 * The soak run: the demo WAR on one Payara Micro node (its own process, 127.0.0.1, no clustering,
 * the connector's in-memory session store), the Document Server stand-in, and {@code soak.sessions}
 * simulated editing sessions, half Docs API and half WOPI, for {@code soak.minutes}. Samples the
 * server's live heap and thread count all along and compares the last third after warm-up with the
 * first; prints the results and writes them into {@code docs/reliability.md} between its soak
 * markers. Exits 1 when there was an error or the heap or the threads grew.
 *
 * <p>System properties: {@code soak.minutes} (30), {@code soak.sessions} (100), {@code
 * soak.warmup-minutes} (a sixth of the run, at least 1 minute but at most a third), {@code
 * soak.think-ms} (1000, the mean pause between a session's steps), {@code soak.port} (25280; the
 * stand-in takes the next one), {@code soak.write-docs} (true).
 */
public final class SoakMain {

  private static final String SECRET = "officebridge-soak-secret-0123456789abcdef";
  private static final String LINK_SECRET = "officebridge-soak-link-secret-0123456789abcdef";
  private static final String BEGIN = "<!-- soak:begin -->";
  private static final String END = "<!-- soak:end -->";
  private static final double MIB = 1024.0 * 1024.0;
  private static final double HEAP_TOLERANCE = 0.10;
  private static final double HEAP_SLACK_MIB = 16;
  private static final double THREAD_SLACK = 5;

  private SoakMain() {}

  /**
   * @param args none
   * @throws Exception when the run cannot start
   */
  public static void main(String[] args) throws Exception {
    double minutes = Double.parseDouble(System.getProperty("soak.minutes", "30"));
    int sessions = Integer.getInteger("soak.sessions", 100);
    double warmup =
        Double.parseDouble(
            System.getProperty(
                "soak.warmup-minutes",
                String.valueOf(Math.min(minutes / 3, Math.max(1, minutes / 6)))));
    Duration think = Duration.ofMillis(Long.getLong("soak.think-ms", 1000));
    int port = Integer.getInteger("soak.port", 25280);
    boolean writeDocs = Boolean.parseBoolean(System.getProperty("soak.write-docs", "true"));
    int code = run(minutes, sessions, warmup, think, port, writeDocs);
    System.exit(code);
  }

  private static int run(
      double minutes, int sessions, double warmup, Duration think, int port, boolean writeDocs)
      throws Exception {
    Path work = Path.of("target", "soak");
    deleteTree(work);
    Path data = work.resolve("demo-data");
    Files.createDirectories(data);
    Map<String, String> props = new HashMap<>();
    props.put("officebridge.ds.public-url", "http://127.0.0.1:" + (port + 1));
    props.put("officebridge.connector.url", "http://127.0.0.1:" + port + "/officebridge");
    props.put("officebridge.jwt.secret", SECRET);
    props.put("officebridge.link.secret", LINK_SECRET);
    props.put("officebridge.instance-id", "soak");
    props.put("officebridge.wopi.enabled", "true");
    props.put("officebridge.demo.data-dir", data.toAbsolutePath().toString());
    Latencies latencies = new Latencies(EditingSessions.OPERATIONS);
    List<ServerProbe.Sample> samples = new CopyOnWriteArrayList<>();
    Instant started = Instant.now();
    long runMillis = (long) (minutes * 60_000);
    long warmupMillis = (long) (warmup * 60_000);
    long sampleEvery = Math.max(5_000, Math.min(20_000, runMillis / 60));
    EditingSessions load;
    int severe;
    try (RunningStandIn ds = StandIn.builder().port(port + 1).jwtSecret(SECRET).start();
        PayaraMicroProcess server =
            PayaraMicroProcess.start(
                Path.of("target/officebridge-demo.war"), port, props, Duration.ofMinutes(5));
        ServerProbe probe = ServerProbe.attach(server.pid())) {
      URI base = URI.create("http://127.0.0.1:" + port + "/officebridge/");
      DemoClient demo = new DemoClient(base);
      load = new EditingSessions(base, ds, demo, new WopiTestClient(ds), latencies, think);
      List<String> docs = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        docs.add(demo.createDocument("owner", "soak-" + i, "docx"));
      }
      int logStart = server.output().length();
      System.out.printf(
          "soak: %d sessions for %.1f min (warm-up %.1f min) against %s%n",
          sessions, minutes, warmup, base);
      Instant begin = Instant.now();
      Instant deadline = begin.plusMillis(runMillis);
      Thread sampler =
          new Thread(() -> sampleUntil(probe, samples, deadline, sampleEvery, begin), "sampler");
      sampler.setDaemon(true);
      sampler.start();
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        String doc = docs.get(i);
        Random random = new Random(i);
        boolean api = i % 2 == 0;
        Thread worker =
            new Thread(
                () -> {
                  try {
                    Thread.sleep(random.nextInt((int) Math.max(1, think.toMillis() * 5)));
                    if (api) {
                      load.runApi(doc, deadline, random);
                    } else {
                      load.runWopi(doc, deadline, random);
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "soak-" + i);
        worker.start();
        workers.add(worker);
      }
      for (Thread w : workers) {
        w.join();
      }
      sampler.join();
      samples.add(shift(probe.sample(), begin));
      severe = countSevere(server.output().substring(logStart));
    }
    Result result =
        new Result(
            minutes,
            sessions,
            warmupMillis,
            latencies,
            samples,
            load.apiCycles.get(),
            load.wopiCycles.get(),
            severe,
            Duration.between(started, Instant.now()));
    String table = result.markdown();
    System.out.println(table);
    Files.writeString(work.resolve("results.md"), table, StandardCharsets.UTF_8);
    if (writeDocs) {
      writeInto(Path.of("docs", "reliability.md"), table);
      System.out.println("soak: results in docs/reliability.md");
    }
    return result.passed() ? 0 : 1;
  }

  private static void sampleUntil(
      ServerProbe probe,
      List<ServerProbe.Sample> samples,
      Instant deadline,
      long every,
      Instant begin) {
    try {
      while (Instant.now().isBefore(deadline)) {
        samples.add(shift(probe.sample(), begin));
        Thread.sleep(every);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      System.out.println("soak: heap sampling stopped: " + e);
    }
  }

  /** A sample timed from the start of the load rather than from the probe's start. */
  private static ServerProbe.Sample shift(ServerProbe.Sample s, Instant begin) {
    return new ServerProbe.Sample(
        Duration.between(begin, Instant.now()).toMillis(), s.liveHeapBytes(), s.threads());
  }

  private static int countSevere(String log) {
    return (int) log.lines().filter(l -> l.contains("SEVERE")).count();
  }

  /** The figures of one run, and its verdict. */
  private record Result(
      double minutes,
      int sessions,
      long warmupMillis,
      Latencies latencies,
      List<ServerProbe.Sample> samples,
      long apiCycles,
      long wopiCycles,
      int severe,
      Duration took) {

    List<ServerProbe.Sample> afterWarmup() {
      return samples.stream().filter(s -> s.atMillis() >= warmupMillis).toList();
    }

    double[] heapThirds() {
      return thirds(afterWarmup().stream().mapToDouble(s -> s.liveHeapBytes() / MIB).toArray());
    }

    double[] threadThirds() {
      return thirds(afterWarmup().stream().mapToDouble(ServerProbe.Sample::threads).toArray());
    }

    boolean heapFlat() {
      double[] t = heapThirds();
      return t[1] <= t[0] * (1 + HEAP_TOLERANCE) + HEAP_SLACK_MIB;
    }

    boolean threadsFlat() {
      double[] t = threadThirds();
      return t[1] <= t[0] + THREAD_SLACK;
    }

    boolean passed() {
      return latencies.totalErrors() == 0
          && afterWarmup().size() >= 3
          && heapFlat()
          && threadsFlat()
          && severe == 0;
    }

    String markdown() {
      StringBuilder md = new StringBuilder();
      md.append(
          String.format(
              Locale.ROOT,
              "Run of %s UTC: **%s min**, %d concurrent sessions (%d Docs API, %d WOPI),"
                  + " warm-up %.1f min; the whole run took %d s. Verdict: **%s**.%n%n",
              Instant.now().toString().substring(0, 16).replace('T', ' '),
              fmt(minutes),
              sessions,
              (sessions + 1) / 2,
              sessions / 2,
              warmupMillis / 60_000.0,
              took.toSeconds(),
              passed() ? "passed" : "FAILED"));
      md.append(
          String.format(
              Locale.ROOT,
              "Cycles completed: %d Docs API (page, open, callbacks 1, 6, 2), %d WOPI (host page"
                  + " and six calls). Errors: **%d**. SEVERE lines in the server log during the"
                  + " load: **%d**.%n%n",
              apiCycles,
              wopiCycles,
              latencies.totalErrors(),
              severe));
      md.append("| operation | count | errors | p50 ms | p99 ms | max ms |\n");
      md.append("|---|---:|---:|---:|---:|---:|\n");
      latencies
          .figures()
          .forEach(
              (op, f) ->
                  md.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %d | %d | %.1f | %.1f | %.1f |%n",
                          op,
                          f.count(),
                          f.errors(),
                          f.p50(),
                          f.p99(),
                          f.max())));
      double[] heap = heapThirds();
      double[] threads = threadThirds();
      md.append("\n| server after warm-up | first third (mean) | last third (mean) | verdict |\n");
      md.append("|---|---:|---:|---|\n");
      md.append(
          String.format(
              Locale.ROOT,
              "| live heap after full GC, MiB | %.1f | %.1f | %s (limit: +%.0f%% + %.0f MiB) |%n",
              heap[0],
              heap[1],
              heapFlat() ? "no growth" : "GREW",
              HEAP_TOLERANCE * 100,
              HEAP_SLACK_MIB));
      md.append(
          String.format(
              Locale.ROOT,
              "| threads | %.1f | %.1f | %s (limit: +%.0f) |%n",
              threads[0],
              threads[1],
              threadsFlat() ? "no growth" : "GREW",
              THREAD_SLACK));
      md.append("\nLive heap (MiB) and threads, sample by sample (minute: heap/threads): ");
      List<String> series = new ArrayList<>();
      for (ServerProbe.Sample s : samples) {
        series.add(
            String.format(
                Locale.ROOT,
                "%.1f: %.0f/%d",
                s.atMillis() / 60_000.0,
                s.liveHeapBytes() / MIB,
                s.threads()));
      }
      md.append(String.join(", ", series)).append(".\n");
      List<String> errors = latencies.firstErrors();
      if (!errors.isEmpty()) {
        md.append("\nFirst errors:\n\n");
        errors.forEach(e -> md.append("- ").append(e.replace('\n', ' ')).append('\n'));
      }
      return md.toString();
    }

    private static String fmt(double minutes) {
      return minutes == Math.rint(minutes)
          ? String.valueOf((long) minutes)
          : String.format(Locale.ROOT, "%.1f", minutes);
    }

    private static double[] thirds(double[] values) {
      int third = Math.max(1, values.length / 3);
      if (values.length == 0) {
        return new double[] {0, 0};
      }
      double first = 0;
      double last = 0;
      for (int i = 0; i < third; i++) {
        first += values[i];
        last += values[values.length - 1 - i];
      }
      return new double[] {first / third, last / third};
    }
  }

  private static void writeInto(Path doc, String table) throws IOException {
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(doc + " has no " + BEGIN + " ... " + END + " section");
    }
    String updated =
        text.substring(0, begin + BEGIN.length()) + "\n" + table + "\n" + text.substring(end);
    Files.writeString(doc, updated, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
