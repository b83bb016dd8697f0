package org.officebridge.standin.conversion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.formats.DocumentType;
import org.officebridge.standin.formats.Format;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.office.DocumentWriter;
import org.officebridge.standin.office.OfficeFamily;
import org.officebridge.standin.office.TextExtractor;
import org.officebridge.standin.session.DocumentFetcher;
import org.officebridge.standin.storage.FileStore;
import org.officebridge.standin.storage.StoredFile;

/**
 * Simulated conversions: jobs cached by key (re-sending the same key returns the same job, which is
 * also how an async job is polled), the source downloaded server-side, the output a valid file of
 * the requested type written from the source's text.
 *
 * <p>Error reachability: -3 for a pair the format table does not allow; -4 when the source cannot
 * be downloaded; -5 when the source starts with the marker line {@code
 * STANDIN-ENCRYPTED:<password>} and the request's {@code password} differs; -7 for missing or
 * malformed parameters; -9 for {@code xml} to {@code ooxml}/{@code odf}; -10 past the size limit;
 * -2 when a job takes longer than the conversion timeout; -1, -6 (and any other) through {@link
 * Faults#failNextConversion(int)}.
 */
public final class ConversionService {

  /** The first line that marks a source as password-protected. */
  public static final String PASSWORD_MARKER = "STANDIN-ENCRYPTED:";

  private final DocumentFetcher fetcher;
  private final FileStore store;
  private final FormatTable formats;
  private final Faults faults;
  private final Executor workers;
  private final Duration timeout;
  private final long maxBytes;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  private record Job(CompletableFuture<ConversionResult> result, long startedNanos) {}

  /** What the service answers now for a request. */
  public record Answer(
      boolean endConvert,
      int percent,
      Optional<StoredFile> file,
      Optional<ConversionError> error) {}

  /**
   * @param fetcher downloads sources
   * @param store keeps results
   * @param formats the format table
   * @param faults forced errors and delays
   * @param workers where jobs run
   * @param timeout the conversion timeout (error -2)
   * @param maxBytes the source size limit (error -10)
   */
  public ConversionService(
      DocumentFetcher fetcher,
      FileStore store,
      FormatTable formats,
      Faults faults,
      Executor workers,
      Duration timeout,
      long maxBytes) {
    this.fetcher = fetcher;
    this.store = store;
    this.formats = formats;
    this.faults = faults;
    this.workers = workers;
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /**
   * @param request a request
   * @return the answer: finished, in progress (async) or an error
   * @throws InterruptedException when interrupted while waiting for a sync job
   */
  public Answer convert(ConversionRequest request) throws InterruptedException {
    Job job = jobs.get(request.key());
    if (job == null) {
      Optional<Integer> forced = faults.takeConversionError();
      if (forced.isPresent()) {
        return failed(ConversionError.fromCode(forced.get()).orElse(ConversionError.UNKNOWN));
      }
      Target target = target(request);
      if (target.error().isPresent()) {
        return failed(target.error().get());
      }
      Job fresh =
          new Job(
              CompletableFuture.supplyAsync(() -> run(request, target.ext()), workers),
              System.nanoTime());
      job = jobs.putIfAbsent(request.key(), fresh);
      job = job == null ? fresh : job;
    }
    if (request.async() || job.result().isDone()) {
      return answer(job);
    }
    try {
      job.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return failed(ConversionError.TIMEOUT);
    } catch (ExecutionException e) {
      return failed(ConversionError.UNKNOWN);
    }
    return answer(job);
  }

  private Answer answer(Job job) {
    if (!job.result().isDone()) {
      long ms = (System.nanoTime() - job.startedNanos()) / 1_000_000;
      return new Answer(false, (int) Math.min(95, ms / 20), Optional.empty(), Optional.empty());
    }
    ConversionResult r = job.result().getNow(ConversionResult.failed(ConversionError.UNKNOWN));
    return r.error()
        .map(ConversionService::failed)
        .orElseGet(() -> new Answer(true, 100, r.file(), Optional.empty()));
  }

  private static Answer failed(ConversionError e) {
    return new Answer(true, 100, Optional.empty(), Optional.of(e));
  }

  private record Target(String ext, Optional<ConversionError> error) {}

  private Target target(ConversionRequest r) {
    Optional<Format> source = formats.find(r.fileType());
    if (source.isEmpty()) {
      return new Target("", Optional.of(ConversionError.CONVERSION));
    }
    String out = r.outputType();
    if (out.equals("ooxml") || out.equals("odf")) {
      if (r.fileType().equals("xml")) {
        return new Target("", Optional.of(ConversionError.OUTPUT_UNDETERMINED));
      }
      out = formatClass(source.get(), out.equals("ooxml"));
      if (out.isEmpty()) {
        return new Target("", Optional.of(ConversionError.CONVERSION));
      }
    }
    boolean allowed = out.equals(r.fileType()) || source.get().convertTo().contains(out);
    if (!allowed || !(out.equals(r.fileType()) || DocumentWriter.canWrite(out))) {
      return new Target("", Optional.of(ConversionError.CONVERSION));
    }
    return new Target(out, Optional.empty());
  }

  private static String formatClass(Format source, boolean ooxml) {
    DocumentType type = source.type().orElse(null);
    if (type == null || type == DocumentType.DIAGRAM) {
      return "";
    }
    String ext = source.ext();
    boolean macro = ext.endsWith("m") && OfficeFamily.of(ext) != OfficeFamily.OTHER;
    return switch (type) {
      case WORD, PDF -> ooxml ? (macro ? "docm" : "docx") : "odt";
      case CELL -> ooxml ? (macro ? "xlsm" : "xlsx") : "ods";
      case SLIDE -> ooxml ? (macro ? "pptm" : "pptx") : "odp";
      case DIAGRAM -> "";
    };
  }

  private ConversionResult run(ConversionRequest r, String ext) {
    long start = System.nanoTime();
    Path source;
    try {
      source = fetcher.fetch(r.url(), maxBytes);
    } catch (DocumentFetcher.FetchException e) {
      return ConversionResult.failed(
          e.failure() == DocumentFetcher.Failure.TOO_LARGE
              ? ConversionError.SIZE_LIMIT
              : ConversionError.DOWNLOAD);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConversionResult.failed(ConversionError.UNKNOWN);
    }
    try {
      Optional<ConversionError> locked = unlock(source, r.password());
      if (locked.isPresent()) {
        return ConversionResult.failed(locked.get());
      }
      Thread.sleep(faults.conversionDelay().toMillis());
      if (System.nanoTime() - start > timeout.toNanos()) {
        return ConversionResult.failed(ConversionError.TIMEOUT);
      }
      return ConversionResult.of(write(r, ext, source));
    } catch (IOException | RuntimeException e) {
      return ConversionResult.failed(ConversionError.CONVERSION);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConversionResult.failed(ConversionError.UNKNOWN);
    } finally {
      try {
        Files.deleteIfExists(source);
      } catch (IOException e) {
        // the store's directory goes on close anyway
      }
    }
  }

  private StoredFile write(ConversionRequest r, String ext, Path source) throws IOException {
    String base = r.title().map(t -> t.replaceFirst("\\.[^.]*$", "")).orElse("output");
    String name = base.replaceAll("[\\\\/:*?\"<>|]", "_") + "." + ext;
    Path out = store.scratch();
    if (ext.equals(r.fileType())) {
      Files.copy(source, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } else {
      List<String> lines = TextExtractor.lines(source, r.fileType());
      Path scratch = store.scratch();
      try (OutputStream o = Files.newOutputStream(out)) {
        DocumentWriter.write(ext, base, lines, scratch, o);
      } finally {
        Files.deleteIfExists(scratch);
      }
    }
    return store.adopt(out, name, formats.mime(ext), Faults.FileKind.DOCUMENT);
  }

  /** Strips the password marker line when the password matches. */
  private static Optional<ConversionError> unlock(Path source, Optional<String> password)
      throws IOException {
    byte[] head = new byte[512];
    int n;
    try (InputStream in = Files.newInputStream(source)) {
      n = in.readNBytes(head, 0, head.length);
    }
    String start = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    if (!start.startsWith(PASSWORD_MARKER)) {
      return Optional.empty();
    }
    int eol = start.indexOf('\n');
    if (eol < 0) {
      return Optional.of(ConversionError.PASSWORD);
    }
    String expected =
        new String(
                head,
                PASSWORD_MARKER.length(),
                eol - PASSWORD_MARKER.length(),
                StandardCharsets.UTF_8)
            .strip();
    if (password.isEmpty() || !password.get().equals(expected)) {
      return Optional.of(ConversionError.PASSWORD);
    }
    Path rest = source.resolveSibling(source.getFileName() + ".plain");
    try (InputStream in = Files.newInputStream(source)) {
      in.skipNBytes(eol + 1L);
      Files.copy(in, rest);
    }
    Files.move(rest, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return Optional.empty();
  }
}
