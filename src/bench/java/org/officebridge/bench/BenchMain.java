package org.officebridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.officebridge.config.SettingsLoader;
import org.officebridge.demo.DemoStorage;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.WopiTestClient;

/**
 * Runs every benchmark against its baseline in the same run on the same machine, prints the figures
 * and ratios, and writes them with a plot into {@code docs/benchmarks.md}. {@code --quick} is a
 * smoke run: small files, short durations, results in {@code target/bench/} only.
 */
public final class BenchMain {

  private static final String SECRET = "officebridge-bench-secret-0123456789abcdef";
  private static final String LINK_SECRET = "officebridge-bench-link-secret-0123456789abcdef";
  private static final long MIB = Bench.MIB;
  private static final Set<String> ALL = Set.of("rates", "transfers", "micro");

  private final boolean quick;
  private final Set<String> parts;
  private final Path work = Path.of("target", "bench");
  private final Report report = new Report();
  private final ThroughputPlot plot = new ThroughputPlot();
  private final int port = Integer.getInteger("bench.port", 18280);

  private BenchMain(boolean quick, Set<String> parts) {
    this.quick = quick;
    this.parts = parts;
  }

  /**
   * @param args {@code --quick} for a smoke run; {@code --only=rates,transfers,micro} runs only
   *     those parts (results in {@code target/bench/}, never in the docs)
   * @throws Exception when a benchmark cannot run
   */
  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    Set<String> parts =
        List.of(args).stream()
            .filter(a -> a.startsWith("--only="))
            .flatMap(a -> List.of(a.substring(7).split(",")).stream())
            .collect(Collectors.toSet());
    if (!ALL.containsAll(parts)) {
      throw new IllegalArgumentException("--only= takes a list of " + ALL + ", not " + parts);
    }
    Instant started = Instant.now();
    new BenchMain(quick, parts.isEmpty() ? ALL : parts).run();
    System.out.printf(
        "bench: done in %d s%n", Duration.between(started, Instant.now()).toSeconds());
    System.exit(0);
  }

  private void run() throws Exception {
    String machine = machine();
    List<Long> sizes =
        !parts.contains("transfers")
            ? List.of(MIB) // the request rates use the smallest document only
            : quick
                ? List.of(MIB, 16 * MIB, 64 * MIB)
                : List.of(MIB, 16 * MIB, 128 * MIB, 1024 * MIB);
    deleteTree(work);
    Path baseline = work.resolve("bench");
    Path files = baseline.resolve("files");
    Files.createDirectories(files);
    copyBaselineClasses(baseline);
    Path data = work.resolve("demo-data");
    Map<Long, DocumentId> documents = createDocuments(sizes, files, data);
    Map<String, String> props = new HashMap<>();
    props.put("officebridge.ds.public-url", "http://127.0.0.1:" + (port + 1));
    props.put("officebridge.connector.url", "http://127.0.0.1:" + port + "/officebridge");
    props.put("officebridge.jwt.secret", SECRET);
    props.put("officebridge.link.secret", LINK_SECRET);
    props.put("officebridge.instance-id", "bench");
    props.put("officebridge.wopi.enabled", "true");
    props.put("officebridge.limits.max-file-size", "2GiB");
    props.put("officebridge.demo.data-dir", data.toAbsolutePath().toString());
    try (RunningStandIn ds = StandIn.builder().port(port + 1).jwtSecret(SECRET).start();
        BenchServer server =
            BenchServer.start(
                Path.of("target/officebridge-demo.war"), baseline, port, "1g", props, work)) {
      Bench bench =
          new Bench(
              server,
              SettingsLoader.load(props, Map.of()),
              documents,
              files,
              DemoStorage.open(data, Clock.systemUTC()),
              LINK_SECRET,
              new WopiTestClient(ds),
              report,
              plot,
              quick);
      // request rates first: the transfers' synced gigabytes keep the disk busy for a while,
      // and the demo DMS reads small files on every request
      if (parts.contains("rates")) {
        new RateBench(bench).run();
      }
      if (parts.contains("transfers")) {
        new TransferBench(bench).run();
      }
    }
    if (parts.contains("micro")) {
      new MicroBench(report, quick).run();
    }
    write(machine);
  }

  /** Random (incompressible) files, the same bytes as demo documents and as static files. */
  private static Map<Long, DocumentId> createDocuments(List<Long> sizes, Path files, Path data)
      throws Exception {
    Map<Long, DocumentId> documents = new LinkedHashMap<>();
    DemoStorage storage = DemoStorage.open(data, Clock.systemUTC());
    User owner = User.of("owner", "Olivia Owner", Locale.ENGLISH);
    for (long size : sizes) {
      Path file = files.resolve("file-" + (size / MIB) + "MiB.bin");
      writeRandom(file, size);
      try (InputStream in = Files.newInputStream(file)) {
        NewDocument spec = new NewDocument("bench-" + (size / MIB) + "MiB.docx", Optional.empty());
        documents.put(size, storage.createDocument(spec, in, owner).id());
      }
    }
    return documents;
  }

  private void write(String machine) throws IOException {
    String header =
        "Run of "
            + Instant.now().toString().substring(0, 16).replace('T', ' ')
            + " UTC, "
            + (quick ? "`bench/run --quick` (smoke)" : "`bench/run`")
            + (parts.equals(ALL) ? "" : " (only " + String.join(", ", parts) + ")")
            + ", on "
            + machine
            + ".";
    Path docs = Path.of("docs");
    if (quick || !parts.equals(ALL)) {
      plot.write(work.resolve("throughput.png"), "Throughput against file size (smoke run)");
      report.writeInto(work.resolve("benchmarks.md"), header);
      System.out.println("bench: smoke results in target/bench/benchmarks.md");
    } else {
      plot.write(docs.resolve("benchmarks-throughput.png"), "Throughput against file size");
      report.writeInto(docs.resolve("benchmarks.md"), header);
      System.out.println("bench: results in docs/benchmarks.md");
    }
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

  private static String machine() throws IOException {
    String cpu =
        Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name"))
            .findFirst()
            .map(l -> l.substring(l.indexOf(':') + 1).trim())
            .orElse("unknown CPU");
    long memKib =
        Long.parseLong(
            Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", ""));
    String[] load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
    return String.format(
        "%d cores (%s), %.0f GiB, Java %s, Payara Micro 6.2025.10 (-Xmx1g, G1); load average at"
            + " start %s %s %s",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memKib / 1048576.0,
        System.getProperty("java.version"),
        load[0],
        load[1],
        load[2]);
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
