package org.officebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.officebridge.spi.DocumentId;
import org.officebridge.testing.WopiTestClient;

/**
 * Benchmarks 2 and 3: request rates with wrk (64 connections), each against its baseline on the
 * same server — the editor page against a static copy of itself, CheckFileInfo (access token and
 * proof-key checks) against an empty JAX-RS endpoint.
 */
final class RateBench {

  private static final int CONNECTIONS = 64;

  private final Bench b;

  RateBench(Bench bench) {
    this.b = bench;
  }

  void run() throws Exception {
    DocumentId doc = b.documents().get(b.sizes().get(0));
    editorPage(doc);
    checkFileInfo(doc);
  }

  private int seconds() {
    return b.quick() ? 5 : 15;
  }

  /**
   * A wrk measurement and the server process's CPU time (all its threads: requests, GC, JIT) per
   * request during it: on a machine shared with other work the request rates move with the others'
   * load, the CPU a request costs much less.
   */
  private record Measured(Wrk.Result wrk, double cpuMillisPerRequest) {

    double rps() {
      return wrk.requestsPerSecond();
    }

    String figures() {
      return Bench.rps(wrk) + String.format(", %.2f ms server CPU/req", cpuMillisPerRequest);
    }
  }

  /** A warm-up of a third of the time, then the measurement. */
  private Measured wrk(URI url, Map<String, String> headers) throws Exception {
    Wrk.run(url, CONNECTIONS, Math.max(2, seconds() / 3), headers);
    Duration before = serverCpu();
    Wrk.Result r = Wrk.run(url, CONNECTIONS, seconds(), headers);
    Duration used = serverCpu().minus(before);
    return new Measured(r, used.toNanos() / 1e6 / (r.requestsPerSecond() * seconds()));
  }

  private Duration serverCpu() {
    return ProcessHandle.of(b.server().pid())
        .flatMap(p -> p.info().totalCpuDuration())
        .orElse(Duration.ZERO);
  }

  private static String cpuRatio(Measured connector, Measured baseline) {
    return String.format(
        "; CPU/req %.1f× the baseline's",
        connector.cpuMillisPerRequest() / baseline.cpuMillisPerRequest());
  }

  private void editorPage(DocumentId doc) throws Exception {
    URI editor = b.server().url("/officebridge/editor?doc=" + doc.value());
    Map<String, String> cookie = Map.of("Cookie", "officebridge-demo-user=owner");
    HttpResponse<byte[]> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(editor)
                    .header("Cookie", "officebridge-demo-user=owner")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (page.statusCode() != 200) {
      throw new IOException("editor page answered " + page.statusCode());
    }
    Files.write(b.files().getParent().resolve("editor-copy.html"), page.body());
    Measured s = wrk(b.server().url("/bench/editor-copy.html"), Map.of());
    Measured e = wrk(editor, cookie);
    b.report()
        .add(
            new Report.Row(
                "editor page (SPI lookups, config, JWT, rendering), wrk -c64",
                e.figures(),
                s.figures() + " (static copy of the page)",
                "≥ 50 %",
                Bench.ratio(e.rps(), s.rps(), e.rps() >= 0.5 * s.rps()) + cpuRatio(e, s)));
  }

  private void checkFileInfo(DocumentId doc) throws Exception {
    Measured empty = wrk(b.server().url("/bench/api/empty"), Map.of());
    Optional<WopiTestClient.Opened> file = openWopi(b, doc);
    if (file.isEmpty()) {
      b.report()
          .add(
              new Report.Row(
                  "CheckFileInfo (access token + proof key), wrk -c64",
                  "—",
                  empty.figures() + " (empty JAX-RS endpoint)",
                  "≥ 40 %, p99 reported",
                  "not run: the WOPI host is not in this build (branch wopi)"));
      return;
    }
    URI url = WopiTestClient.url(file.get().wopiSrc(), file.get().token(), false);
    Measured c = wrk(url, b.wopi().proofHeaders(url, file.get().token()));
    b.report()
        .add(
            new Report.Row(
                "CheckFileInfo (access token + proof key), wrk -c64",
                c.figures(),
                empty.figures() + " (empty JAX-RS endpoint)",
                "≥ 40 %, p99 reported",
                Bench.ratio(c.rps(), empty.rps(), c.rps() >= 0.4 * empty.rps())
                    + cpuRatio(c, empty)));
  }

  /**
   * @param b the run
   * @param doc a document
   * @return the file as the WOPI host page hands it over, or empty without a WOPI host
   */
  static Optional<WopiTestClient.Opened> openWopi(Bench b, DocumentId doc) {
    try {
      return Optional.of(b.wopi().open(b.server().url("/officebridge/"), "owner", doc.value()));
    } catch (IOException | InterruptedException e) {
      return Optional.empty();
    }
  }
}
