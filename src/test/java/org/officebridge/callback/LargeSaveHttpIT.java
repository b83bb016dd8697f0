package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.ConnectorLinks;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.DocumentServerDouble;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * A 1 GiB final save streams from the Document Server into the demo DMS's disk: the connector runs
 * in this JVM, and the heap after each garbage collection during the save stays within 64 MiB of
 * what it was before.
 */
class LargeSaveHttpIT {

  private static final long SIZE = 1L << 30;
  private static final long HEAP_GROWTH_LIMIT = 64L << 20;

  @Test
  void aOneGibSaveStreamsWithoutGrowingTheHeap() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "large-save-");
    Map<String, String> settings = TestSettings.forInProcess("http://127.0.0.1:9", data);
    settings.put("officebridge.limits.max-file-size", "2GiB");
    try (InProcessServer server = InProcessServer.start(InProcessServer.demoWar(), settings);
        DocumentServerDouble ds =
            DocumentServerDouble.start("127.0.0.1", TestSettings.JWT_SECRET)) {
      DemoDms dms = new DemoDms(server.baseUrl(), data);
      DemoDms.Document doc =
          dms.upload("Large", "docx", "small".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String key = "it-" + doc.id() + "-" + doc.version();
      String callbackUrl =
          new ConnectorLinks(server.baseUrl().toString(), TestSettings.LINK_SECRET)
              .callbackUrl(doc.id(), key, doc.version());
      Map<String, Object> claims = new LinkedHashMap<>();
      claims.put("key", key);
      claims.put("status", 2);
      claims.put("users", List.of("editor"));
      claims.put("url", ds.serve("large", DocumentServerDouble.generated(SIZE)));
      claims.put("filetype", "docx");

      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      long before = heapAfterGc(memory);
      AtomicLong peak = new AtomicLong();
      CompletableFuture<HttpResponse<String>> save =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return ds.callback(callbackUrl, claims, DocumentServerDouble.Placement.BOTH);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      int samples = 0;
      while (!save.isDone()) {
        peak.accumulateAndGet(heapAfterGc(memory), Math::max);
        samples++;
        Thread.sleep(200);
      }
      HttpResponse<String> answer = save.get();
      assertEquals(200, answer.statusCode(), answer.body());
      assertEquals("{\"error\":0}", answer.body());
      assertEquals(2, dms.versions(doc.id()).size());
      assertEquals(SIZE, Files.size(data.resolve("documents").resolve(doc.id()).resolve("v2.bin")));
      assertTrue(samples >= 3, "the save was sampled while it ran (" + samples + " samples)");
      long growth = peak.get() - before;
      System.out.printf(
          "1 GiB save: heap before %d MiB, peak after GC %d MiB, %d samples%n",
          before >> 20, peak.get() >> 20, samples);
      assertTrue(
          growth < HEAP_GROWTH_LIMIT,
          "heap grew by " + (growth >> 20) + " MiB during a 1 GiB save (" + samples + " samples)");
    } finally {
      try (Stream<Path> files = Files.walk(data)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long heapAfterGc(MemoryMXBean memory) {
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
