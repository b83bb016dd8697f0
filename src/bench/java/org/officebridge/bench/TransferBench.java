package org.officebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.editor.DocumentDownloadServlet;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkSigner;
import org.officebridge.testing.WopiTestClient;

/**
 * Benchmark 1: documents through the connector (the Docs API download URL, WOPI GetFile and
 * PutFile) against the same file served statically by the same server, with the retained-heap
 * growth of the largest transfers.
 */
final class TransferBench {

  private final Bench b;

  TransferBench(Bench bench) {
    this.b = bench;
  }

  void run() throws Exception {
    for (long size : b.sizes()) {
      downloadUrl(size);
    }
    long largest = b.sizes().get(b.sizes().size() - 1);
    double disk = Transfer.diskRead(b.file(largest));
    b.report()
        .note(
            String.format(
                "Context for the %s transfers: curl reads the same file from disk (file://, no"
                    + " HTTP) at %s.",
                ThroughputPlot.label(largest), Bench.mibs(disk)));
    Optional<WopiTestClient.Opened> file = RateBench.openWopi(b, b.documents().get(largest));
    if (file.isEmpty()) {
      String note = "not run: the WOPI host is not in this build (branch wopi)";
      b.report().add(new Report.Row("WOPI GetFile", "—", "—", "≥ 70 %, heap < 64 MiB", note));
      b.report().add(new Report.Row("WOPI PutFile", "—", "—", "≥ 70 %, heap < 64 MiB", note));
    } else {
      wopi(file.get(), largest);
    }
    b.report()
        .add(
            new Report.Row(
                "callback save (status 2)",
                "—",
                "—",
                "≥ 70 %, heap < 64 MiB",
                "not run: the callback handler is not in this build (branch callback)"));
  }

  /** The Docs API {@code document.url}: a signed link plus the Document Server's JWT. */
  private void downloadUrl(long size) throws Exception {
    LinkSigner links = new LinkSigner(b.settings(), Clock.systemUTC());
    JwtService jwt = new JwtService(b.settings(), Clock.systemUTC());
    String link =
        DocumentDownloadServlet.urlFor(
            links,
            b.settings().connector().url().toString(),
            b.documents().get(size),
            Optional.empty());
    Map<String, String> auth =
        Map.of(jwt.headerName(), jwt.headerValue(jwt.sign(Map.of("payload", Map.of("url", link)))));
    boolean largest = size == b.sizes().get(b.sizes().size() - 1);
    Measured m = measure(size, URI.create(link), auth, null, largest);
    b.plot().add("static file (baseline)", size, m.baseline());
    b.plot().add("Docs API download", size, m.rate());
    row("Docs API document download, " + ThroughputPlot.label(size), m, largest);
  }

  private void wopi(WopiTestClient.Opened file, long size) throws Exception {
    URI contents = WopiTestClient.url(file.wopiSrc(), file.token(), true);
    Map<String, String> proof = b.wopi().proofHeaders(contents, file.token());
    if (b.wopi().call(file.wopiSrc(), file.token(), false, "LOCK", "bench-lock", null).statusCode()
        != 200) {
      throw new IOException("WOPI LOCK refused");
    }
    try {
      Measured get = measure(size, contents, proof, null, true);
      b.plot().add("WOPI GetFile", size, get.rate());
      row("WOPI GetFile (proof-signed), " + ThroughputPlot.label(size), get, true);
      Map<String, String> put = new HashMap<>(proof);
      put.put("X-WOPI-Override", "PUT");
      put.put("X-WOPI-Lock", "bench-lock");
      put.put("Content-Type", "application/octet-stream");
      Measured putFile = measure(size, contents, put, b.file(size).toString(), true);
      b.plot().add("WOPI PutFile", size, putFile.rate());
      row("WOPI PutFile (proof-signed, locked), " + ThroughputPlot.label(size), putFile, true);
    } finally {
      b.wopi().call(file.wopiSrc(), file.token(), false, "UNLOCK", "bench-lock", null);
    }
  }

  /**
   * @param rate the connector's median bytes per second
   * @param baseline the static file's median bytes per second
   * @param heapMib the largest retained-heap growth, or -1 when not sampled
   */
  private record Measured(double rate, double baseline, double heapMib) {}

  /**
   * One untimed warm-up of each, then baseline and connector alternating.
   *
   * @param upload the file to POST, or null for a download
   */
  private Measured measure(
      long size, URI url, Map<String, String> headers, String upload, boolean sampleHeap)
      throws Exception {
    URI baselineUrl = b.staticFile(size);
    Transfer.download(baselineUrl, Map.of());
    transfer(url, headers, upload);
    List<Double> base = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    double heap = sampleHeap ? 0 : -1;
    for (int i = 0; i < b.repeats(); i++) {
      base.add(Transfer.download(baselineUrl, Map.of()));
      if (sampleHeap) {
        try (HeapSampler sampler = HeapSampler.start(b.server().pid())) {
          rates.add(transfer(url, headers, upload));
          sampler.close();
          heap = Math.max(heap, sampler.growthMib());
        }
      } else {
        rates.add(transfer(url, headers, upload));
      }
    }
    return new Measured(Bench.median(rates), Bench.median(base), heap);
  }

  private static double transfer(URI url, Map<String, String> headers, String upload)
      throws Exception {
    return upload == null
        ? Transfer.download(url, headers)
        : Transfer.upload(url, java.nio.file.Path.of(upload), headers);
  }

  private void row(String name, Measured m, boolean withHeap) {
    boolean met = m.rate() >= 0.7 * m.baseline() && (!withHeap || m.heapMib() < 64);
    b.report()
        .add(
            new Report.Row(
                name,
                Bench.mibs(m.rate())
                    + (withHeap ? String.format(", heap +%.1f MiB", m.heapMib()) : ""),
                Bench.mibs(m.baseline()) + " (static file, same server)",
                "≥ 70 %" + (withHeap ? ", heap < 64 MiB" : ""),
                Bench.ratio(m.rate(), m.baseline(), met)));
  }
}
