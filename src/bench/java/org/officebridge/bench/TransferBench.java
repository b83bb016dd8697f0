package org.officebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.editor.DocumentDownloadServlet;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.DocumentId;
import org.officebridge.testing.ConnectorLinks;
import org.officebridge.testing.DocumentServerDouble;
import org.officebridge.testing.WopiTestClient;

/**
 * Benchmark 1: documents through the connector (the Docs API download URL, WOPI GetFile and
 * PutFile) against the same file served statically by the same server, with the retained-heap
 * growth of the largest transfers.
 */
final class TransferBench {

  private final Bench b;
  private double largestSave;
  private double largestPut;

  TransferBench(Bench bench) {
    this.b = bench;
  }

  /**
   * Every size for the plot; the table shows the largest, with the heap sampled there. The WOPI
   * parts run when the build has a WOPI host.
   */
  void run() throws Exception {
    long largest = b.sizes().get(b.sizes().size() - 1);
    boolean wopi = RateBench.openWopi(b, b.documents().get(largest)).isPresent();
    for (long size : b.sizes()) {
      boolean table = size == largest;
      downloadUrl(size, table);
      if (wopi) {
        wopi(RateBench.openWopi(b, b.documents().get(size)).orElseThrow(), size, table);
      }
      callbackSave(size, table);
    }
    if (!wopi) {
      String note = "not run: the WOPI host is not in this build (branch wopi)";
      b.report().add(new Report.Row("WOPI GetFile", "—", "—", "≥ 70 %, heap < 64 MiB", note));
      b.report().add(new Report.Row("WOPI PutFile", "—", "—", "≥ 70 %, heap < 64 MiB", note));
    }
    List<Double> sink = new ArrayList<>();
    for (int i = 0; i <= b.repeats(); i++) {
      double rate =
          Transfer.upload(
              b.uploadSink(), b.file(largest), Map.of("Content-Type", "application/octet-stream"));
      if (i > 0) {
        sink.add(rate); // the first is a warm-up
      }
    }
    double upload = Bench.median(sink);
    double disk = Transfer.diskRead(b.file(largest));
    double write =
        Transfer.diskWriteSynced(b.file(largest), b.files().resolveSibling("write-test.bin"));
    b.report()
        .note(
            String.format(
                "Context for the %s transfers: curl reads the same file from disk (file://, no"
                    + " HTTP) at %s; copying it on this disk and syncing it, as the demo DMS"
                    + " stores every version before answering, runs at %s. The baseline of every"
                    + " row is the same file served statically by the same server (a download, no"
                    + " disk write), so PutFile and the callback save also pay the storage's"
                    + " synced write. The %s callback save (an HTTP download plus that synced"
                    + " write, in the connector and the demo DMS) ran at %.0f %% of the synced copy."
                    + " Uploads come in by another path than downloads go out: the same server"
                    + " takes the same file as an upload into a JAX-RS endpoint that reads and"
                    + " discards it (the path PutFile comes in by, nothing stored) at %s, and"
                    + " PutFile ran at %.0f %% of that.",
                ThroughputPlot.label(largest),
                Bench.mibs(disk),
                Bench.mibs(write),
                ThroughputPlot.label(largest),
                100 * largestSave / write,
                Bench.mibs(upload),
                100 * largestPut / upload));
  }

  /** The Docs API {@code document.url}: a signed link plus the Document Server's JWT. */
  private void downloadUrl(long size, boolean table) throws Exception {
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
    Measured m = measure(size, URI.create(link), auth, null, table);
    b.plot().add("static file (baseline)", size, m.baseline());
    b.plot().add("Docs API download", size, m.rate());
    if (table) {
      row("Docs API document download, " + ThroughputPlot.label(size), m, true);
    }
  }

  /**
   * A final save (callback status 2) whose {@code url} is the static file on the same server: the
   * connector downloads it and stores it as a new version before it answers, so the answer's time
   * covers the whole save. Each repeat is a new session (key) on the current version.
   */
  private void callbackSave(long size, boolean table) throws Exception {
    DocumentId id = b.documents().get(size);
    ConnectorLinks links =
        new ConnectorLinks(b.settings().connector().url().toString(), b.linkSecret());
    byte[] secret = b.settings().jwt().secret().bytes();
    URI baselineUrl = b.staticFile(size);
    List<Double> base = new ArrayList<>();
    List<Double> rates = new ArrayList<>();
    double heap = 0;
    int sessions = b.repeats() + (table ? 2 : 1);
    for (int i = 0; i < sessions; i++) {
      String version = b.storage().describe(id).version();
      String key = "bench" + i + "-" + id.value() + "-" + version;
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("key", key);
      claims.put("status", 2);
      claims.put("users", List.of("owner"));
      claims.put("url", baselineUrl.toString());
      claims.put("filetype", "docx");
      String json =
          "{\"key\":\""
              + key
              + "\",\"status\":2,\"users\":[\"owner\"],\"url\":\""
              + baselineUrl
              + "\",\"filetype\":\"docx\",\"token\":\""
              + DocumentServerDouble.sign(claims, secret, Duration.ofMinutes(5))
              + "\"}";
      Map<String, String> header =
          Map.of(
              b.settings().jwt().header(),
              b.settings().jwt().prefix()
                  + DocumentServerDouble.sign(
                      Map.of("payload", claims), secret, Duration.ofMinutes(5)));
      String url = links.callbackUrl(id.value(), key, version);
      if (i == 0) {
        Transfer.postSeconds(URI.create(url), json, header); // warm-up
        continue;
      }
      base.add(Transfer.download(baselineUrl, Map.of()));
      if (i <= b.repeats() || !table) {
        rates.add(size / Transfer.postSeconds(URI.create(url), json, header));
        continue;
      }
      // the last session for the heap alone: the sampler's full GCs would slow the timed ones
      base.remove(base.size() - 1);
      try (HeapSampler sampler = HeapSampler.start(b.server().pid())) {
        Transfer.postSeconds(URI.create(url), json, header);
        sampler.close();
        heap = sampler.growthMib();
      }
    }
    Measured m = new Measured(Bench.median(rates), Bench.median(base), heap);
    b.plot().add("callback save", size, m.rate());
    if (table) {
      largestSave = m.rate();
      row("callback save (status 2: download + store), " + ThroughputPlot.label(size), m, true);
    }
  }

  private void wopi(WopiTestClient.Opened file, long size, boolean table) throws Exception {
    URI contents = WopiTestClient.url(file.wopiSrc(), file.token(), true);
    Map<String, String> proof = b.wopi().proofHeaders(contents, file.token());
    if (b.wopi().call(file.wopiSrc(), file.token(), false, "LOCK", "bench-lock", null).statusCode()
        != 200) {
      throw new IOException("WOPI LOCK refused");
    }
    try {
      Measured get = measure(size, contents, proof, null, table);
      b.plot().add("WOPI GetFile", size, get.rate());
      if (table) {
        row("WOPI GetFile (proof-signed), " + ThroughputPlot.label(size), get, true);
      }
      Map<String, String> put = new HashMap<>(proof);
      put.put("X-WOPI-Override", "PUT");
      put.put("X-WOPI-Lock", "bench-lock");
      put.put("Content-Type", "application/octet-stream");
      Measured putFile = measure(size, contents, put, b.file(size).toString(), table);
      b.plot().add("WOPI PutFile", size, putFile.rate());
      if (table) {
        row("WOPI PutFile (proof-signed, locked), " + ThroughputPlot.label(size), putFile, true);
        largestPut = putFile.rate();
      }
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
      rates.add(transfer(url, headers, upload));
    }
    if (sampleHeap) {
      // one more run for the heap alone: the sampler's full GCs would slow the timed ones
      try (HeapSampler sampler = HeapSampler.start(b.server().pid())) {
        transfer(url, headers, upload);
        sampler.close();
        heap = sampler.growthMib();
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
