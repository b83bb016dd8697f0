package org.officebridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.officebridge.config.Settings;
import org.officebridge.config.SettingsLoader;
import org.officebridge.demo.DemoStorage;
import org.officebridge.editor.DocumentDownloadServlet;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark against its baseline in the same run on the same machine, prints the figures
 * and ratios, and writes them with a plot into {@code docs/benchmarks.md}. {@code --quick} is a
 * smoke run: small files, short durations, nothing written to docs/.
 */
public final class BenchMain {

  private static final String SECRET = "officebridge-bench-secret-0123456789abcdef";
  private static final long MIB = 1L << 20;

  private final boolean quick;
  private final Path work = Path.of("target", "bench");
  private final Report report = new Report();
  private final ThroughputPlot plot = new ThroughputPlot();
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port = Integer.getInteger("bench.port", 18280);

  private BenchMain(boolean quick) {
    this.quick = quick;
  }

  /**
   * @param args {@code --quick} for a smoke run
   * @throws Exception when a benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Instant started = Instant.now();
    new BenchMain(quick).run();
    System.out.printf(
        "bench: done in %d s%n", Duration.between(started, Instant.now()).toSeconds());
    System.exit(0);
  }

  private void run() throws Exception {
    String machine = machine();
    List<Long> sizes =
        quick ? List.of(MIB, 16 * MIB, 64 * MIB) : List.of(MIB, 16 * MIB, 128 * MIB, 1024 * MIB);
    deleteTree(work);
    Path baseline = work.resolve("bench");
    Path files = baseline.resolve("files");
    Files.createDirectories(files);
    copyBaselineClasses(baseline);
    Path data = work.resolve("demo-data");
    Map<Long, DocumentId> documents = new LinkedHashMap<>();
    DemoStorage storage = DemoStorage.open(data, Clock.systemUTC());
    User owner = User.of("owner", "Olivia Owner", Locale.ENGLISH);
    for (long size : sizes) {
      Path file = files.resolve("file-" + (size / MIB) + "MiB.bin");
      writeRandom(file, size);
      try (InputStream in = Files.newInputStream(file)) {
        documents.put(
            size,
            storage
                .createDocument(
                    new NewDocument("bench-" + (size / MIB) + "MiB.docx", Optional.empty()),
                    in,
                    owner)
                .id());
      }
    }
    Map<String, String> props = new HashMap<>();
    props.put("officebridge.ds.public-url", "http://127.0.0.1:" + (port + 1));
    props.put("officebridge.connector.url", "http://127.0.0.1:" + port + "/officebridge");
    props.put("officebridge.jwt.secret", SECRET);
    props.put("officebridge.instance-id", "bench");
    props.put("officebridge.wopi.enabled", "true");
    props.put("officebridge.limits.max-file-size", "2GiB");
    props.put("officebridge.demo.data-dir", data.toAbsolutePath().toString());
    Settings settings = SettingsLoader.load(props, Map.of());
    try (BenchServer server =
        BenchServer.start(
            Path.of("target/officebridge-demo.war"), baseline, port, "1g", props, work)) {
      transfers(server, settings, sizes, documents);
      pages(server, documents.get(sizes.get(0)), baseline);
    }
    lockStore();
    jmh();
    String header =
        "Run of "
            + Instant.now().toString().substring(0, 16).replace('T', ' ')
            + " UTC, "
            + (quick ? "`bench/run --quick` (smoke)" : "`bench/run`")
            + ", on "
            + machine
            + ".";
    Path docs = Path.of("docs");
    if (quick) {
      plot.write(work.resolve("throughput.png"), "Throughput against file size (smoke run)");
      report.writeInto(work.resolve("benchmarks.md"), header);
      System.out.println("bench: smoke results in target/bench/benchmarks.md");
    } else {
      plot.write(docs.resolve("benchmarks-throughput.png"), "Throughput against file size");
      report.writeInto(docs.resolve("benchmarks.md"), header);
      System.out.println("bench: results in docs/benchmarks.md");
    }
  }

  private void transfers(
      BenchServer server, Settings settings, List<Long> sizes, Map<Long, DocumentId> documents)
      throws Exception {
    LinkSigner links = new LinkSigner(settings, Clock.systemUTC());
    JwtService jwt = new JwtService(settings, Clock.systemUTC());
    int repeats = quick ? 2 : 3;
    for (long size : sizes) {
      URI file = server.url("/bench/files/file-" + (size / MIB) + "MiB.bin");
      String link =
          DocumentDownloadServlet.urlFor(
              links, settings.connector().url().toString(), documents.get(size), Optional.empty());
      URI download = URI.create(link);
      Map<String, String> auth =
          Map.of(
              jwt.headerName(), jwt.headerValue(jwt.sign(Map.of("payload", Map.of("url", link)))));
      boolean largest = size == sizes.get(sizes.size() - 1);
      Transfer.download(file, Map.of());
      Transfer.download(download, auth);
      List<Double> base = new ArrayList<>();
      List<Double> measured = new ArrayList<>();
      double heapGrowth = 0;
      for (int i = 0; i < repeats; i++) {
        base.add(Transfer.download(file, Map.of()));
        if (largest) {
          try (HeapSampler heap = HeapSampler.start(server.pid())) {
            measured.add(Transfer.download(download, auth));
            heap.close();
            heapGrowth = Math.max(heapGrowth, heap.growthMib());
          }
        } else {
          measured.add(Transfer.download(download, auth));
        }
      }
      double b = median(base);
      double m = median(measured);
      plot.add("static file (baseline)", size, b);
      plot.add("Docs API download", size, m);
      boolean met = m >= 0.7 * b && (!largest || heapGrowth < 64);
      report.add(
          new Report.Row(
              "Docs API document download, " + ThroughputPlot.label(size),
              mibs(m) + (largest ? String.format(", heap +%.1f MiB", heapGrowth) : ""),
              mibs(b) + " (static file)",
              "≥ 70 %" + (largest ? ", heap < 64 MiB" : ""),
              String.format("%.0f %% — %s", 100 * m / b, met ? "met" : "GAP")));
    }
    String wopiNote = "not run: the WOPI host is not merged yet (branch wopi)";
    report.add(new Report.Row("WOPI GetFile, 1 GiB", "—", "—", "≥ 70 %, heap < 64 MiB", wopiNote));
    report.add(new Report.Row("WOPI PutFile, 1 GiB", "—", "—", "≥ 70 %, heap < 64 MiB", wopiNote));
    report.add(
        new Report.Row(
            "callback save (status 2), 1 GiB",
            "—",
            "—",
            "≥ 70 %, heap < 64 MiB",
            "not run: the callback handler is not merged yet (branch callback)"));
  }

  private void pages(BenchServer server, DocumentId doc, Path baseline) throws Exception {
    int seconds = quick ? 5 : 15;
    URI editor = server.url("/officebridge/editor?doc=" + doc.value());
    Map<String, String> cookie = Map.of("Cookie", "officebridge-demo-user=owner");
    HttpResponse<byte[]> page =
        http.send(
            HttpRequest.newBuilder(editor).header("Cookie", "officebridge-demo-user=owner").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (page.statusCode() != 200) {
      throw new IOException("editor page answered " + page.statusCode());
    }
    Files.write(baseline.resolve("editor-copy.html"), page.body());
    URI staticPage = server.url("/bench/editor-copy.html");
    URI empty = server.url("/bench/api/empty");
    Wrk.run(staticPage, 64, Math.max(2, seconds / 3), Map.of());
    Wrk.run(editor, 64, Math.max(2, seconds / 3), cookie);
    Wrk.Result s = Wrk.run(staticPage, 64, seconds, Map.of());
    Wrk.Result e = Wrk.run(editor, 64, seconds, cookie);
    report.add(
        new Report.Row(
            "editor page (SPI lookups, config, rendering), wrk -c64",
            rps(e),
            rps(s) + " (static copy of the page)",
            "≥ 50 %",
            String.format(
                "%.0f %% — %s",
                100 * e.requestsPerSecond() / s.requestsPerSecond(),
                e.requestsPerSecond() >= 0.5 * s.requestsPerSecond() ? "met" : "GAP")));
    report.note(
        "The editor page is still the foundation's minimal page (no editor config or JWT yet:"
            + " branch editor); its figure will drop when those land.");
    Wrk.run(empty, 64, Math.max(2, seconds / 3), Map.of());
    Wrk.Result emptyResult = Wrk.run(empty, 64, seconds, Map.of());
    report.add(
        new Report.Row(
            "CheckFileInfo (access token + proof key), wrk -c64",
            "—",
            rps(emptyResult) + " (empty JAX-RS endpoint)",
            "≥ 40 %, p99 reported",
            "not run: the WOPI host is not merged yet (branch wopi)"));
  }

  private void lockStore() throws Exception {
    LockBench.Result r = LockBench.run(4, Duration.ofSeconds(quick ? 6 : 20));
    report.add(
        new Report.Row(
            "lock / refresh / unlock, Hazelcast store, 2 members, 4 threads",
            String.format(
                "%,.0f ops/s, p50 %.2f ms, p99 %.2f ms",
                r.operationsPerSecond(), r.p50Millis(), r.p99Millis()),
            "—",
            "reported",
            "measured"));
    report.note(
        "The lock figures are the session store on two Hazelcast members in one JVM talking over"
            + " loopback TCP; over HTTP (WOPI LOCK on two Payara nodes) once the WOPI host is"
            + " merged.");
  }

  private void jmh() throws Exception {
    OptionsBuilder options = new OptionsBuilder();
    options
        .include(JwtBenchmark.class.getName())
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
    report.add(
        new Report.Row(
            "JMH proof-key verify",
            "—",
            "—",
            "reported",
            "not run: proof keys are not merged yet (branch wopi)"));
  }

  private static void copyBaselineClasses(Path webapp) throws IOException {
    Path source = Path.of("target/test-classes/org/officebridge/bench/baseline");
    Path target = webapp.resolve("WEB-INF/classes/org/officebridge/bench/baseline");
    Files.createDirectories(target);
    try (Stream<Path> classes = Files.list(source)) {
      for (Path c : classes.toList()) {
        Files.copy(c, target.resolve(c.getFileName()));
      }
    }
  }

  private static void writeRandom(Path file, long size) throws IOException {
    byte[] block = new byte[(int) MIB];
    new Random(size).nextBytes(block);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += block.length) {
        block[0]++;
        out.write(block, 0, (int) Math.min(block.length, size - written));
      }
    }
  }

  private static String machine() throws IOException, InterruptedException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ").trim();
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + mem
        + ", Java "
        + System.getProperty("java.version")
        + ", Payara Micro 6.2025.10 (-Xmx1g, G1); load average at start "
        + load.substring(0, load.indexOf(' ', load.indexOf(' ', load.indexOf(' ') + 1) + 1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String mibs(double bytesPerSecond) {
    return String.format("%,.0f MiB/s", bytesPerSecond / MIB);
  }

  private static String rps(Wrk.Result r) {
    return String.format("%,.0f req/s, p99 %.1f ms", r.requestsPerSecond(), r.p99Millis());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
