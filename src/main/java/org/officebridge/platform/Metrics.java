package org.officebridge.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.officebridge.platform.MetricFamily.Type;

/**
 * The connector's counters and timers, one method per thing counted, so that each instrumented code
 * path needs one line. In memory, per node, since the deployment started; exposed in the Prometheus
 * text format by {@code api/metrics} (see {@code docs/operations.md} for every metric). Label
 * values are short fixed words (statuses, outcome tokens, reasons), never ids, names or tokens.
 */
@ApplicationScoped
public class Metrics {

  /** The {@code protocol} label of the Docs API (editor, callbacks). */
  public static final String DOCS_API = "docs-api";

  /** The {@code protocol} label of WOPI. */
  public static final String WOPI = "wopi";

  private final MetricFamily callbacks =
      new MetricFamily(
          "officebridge_callbacks_total",
          "Callbacks of the Document Server by status and outcome.",
          Type.COUNTER,
          "status",
          "outcome");
  private final MetricFamily callbackSeconds =
      new MetricFamily(
          "officebridge_callback_duration_seconds",
          "Time to handle a callback, download and storing included.",
          Type.HISTOGRAM,
          "status");
  private final MetricFamily saves =
      new MetricFamily(
          "officebridge_saves_total",
          "Edits stored in the DMS: as a new version (final, intermediate) or as a copy.",
          Type.COUNTER,
          "protocol",
          "kind");
  private final MetricFamily saveFailures =
      new MetricFamily(
          "officebridge_save_failures_total",
          "Saves that stored nothing, by reason.",
          Type.COUNTER,
          "protocol",
          "reason");
  private final MetricFamily bytes =
      new MetricFamily(
          "officebridge_streamed_bytes_total",
          "Document bytes streamed between the DMS and the Document Server.",
          Type.COUNTER,
          "stream");
  private final MetricFamily lockConflicts =
      new MetricFamily(
          "officebridge_lock_conflicts_total",
          "Requests refused because another lock or editing session holds the document.",
          Type.COUNTER,
          "protocol");
  private final MetricFamily proofFailures =
      new MetricFamily(
          "officebridge_wopi_proof_failures_total",
          "WOPI requests refused because their proof did not verify.",
          Type.COUNTER,
          "reason");
  private final MetricFamily tokenRejections =
      new MetricFamily(
          "officebridge_token_rejections_total",
          "Tokens and signed links refused, by endpoint and reason.",
          Type.COUNTER,
          "endpoint",
          "reason");
  private final MetricFamily dsCalls =
      new MetricFamily(
          "officebridge_documentserver_requests_total",
          "Calls of the Document Server's command and conversion services.",
          Type.COUNTER,
          "service",
          "operation",
          "outcome");
  private final MetricFamily dsSeconds =
      new MetricFamily(
          "officebridge_documentserver_request_duration_seconds",
          "Time of a call of the Document Server's command or conversion service.",
          Type.HISTOGRAM,
          "service");
  private final MetricFamily wopiRequests =
      new MetricFamily(
          "officebridge_wopi_requests_total",
          "WOPI requests by operation and HTTP status.",
          Type.COUNTER,
          "operation",
          "status");
  private final MetricFamily wopiSeconds =
      new MetricFamily(
          "officebridge_wopi_request_duration_seconds",
          "Time to answer a WOPI request (streaming of GetFile excluded).",
          Type.HISTOGRAM,
          "operation");
  private final MetricFamily adminActions =
      new MetricFamily(
          "officebridge_admin_actions_total",
          "Administrator actions by action and outcome.",
          Type.COUNTER,
          "action",
          "outcome");
  private final MetricFamily checks =
      new MetricFamily(
          "officebridge_settings_check_ok",
          "Outcome of each part of the last settings check: 1 passed, 0 failed.",
          Type.GAUGE,
          "check");

  private final List<MetricFamily> all =
      List.of(
          callbacks,
          callbackSeconds,
          saves,
          saveFailures,
          bytes,
          lockConflicts,
          proofFailures,
          tokenRejections,
          dsCalls,
          dsSeconds,
          wopiRequests,
          wopiSeconds,
          adminActions,
          checks);

  /**
   * @param status the callback's status code, or {@code none} when it was refused before it was
   *     read
   * @param outcome the outcome token of its log line ({@code saved}, {@code duplicate}, {@code
   *     refused}, ...)
   * @param nanos how long it took
   */
  public void callback(String status, String outcome, long nanos) {
    callbacks.add(1, status, outcome);
    callbackSeconds.observe(nanos, status);
  }

  /**
   * @param protocol {@link #DOCS_API} or {@link #WOPI}
   * @param kind {@code final}, {@code intermediate}, {@code conflict-copy} or {@code recovery-copy}
   */
  public void saved(String protocol, String kind) {
    saves.add(1, protocol, kind);
  }

  /**
   * @param protocol {@link #DOCS_API} or {@link #WOPI}
   * @param reason why nothing was stored, one word
   */
  public void saveFailed(String protocol, String reason) {
    saveFailures.add(1, protocol, word(reason));
  }

  /**
   * @param stream which stream ({@code document-download}, {@code wopi-getfile}, ...)
   * @param count bytes
   */
  public void streamed(String stream, long count) {
    if (count > 0) {
      bytes.add(count, stream);
    }
  }

  /**
   * @param in a document stream
   * @param stream the {@code stream} label
   * @return the stream, counting what is read into {@code officebridge_streamed_bytes_total}
   */
  public InputStream counting(InputStream in, String stream) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          streamed(stream, 1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        streamed(stream, n);
        return n;
      }
    };
  }

  /**
   * @param out a response stream
   * @param stream the {@code stream} label
   * @return the stream, counting what is written into {@code officebridge_streamed_bytes_total}
   */
  public OutputStream counting(OutputStream out, String stream) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        streamed(stream, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        streamed(stream, len);
      }
    };
  }

  /**
   * @param protocol {@link #DOCS_API} or {@link #WOPI}
   */
  public void lockConflict(String protocol) {
    lockConflicts.add(1, protocol);
  }

  /**
   * @param reason {@code missing}, {@code stale}, {@code invalid}, {@code no-keys} or {@code
   *     discovery-unavailable}
   */
  public void proofFailure(String reason) {
    proofFailures.add(1, reason);
  }

  /**
   * @param endpoint where it was refused ({@code callback}, {@code download}, {@code wopi}, ...)
   * @param reason why (the refusal reason, lower case)
   */
  public void tokenRejected(String endpoint, String reason) {
    tokenRejections.add(1, endpoint, word(reason));
  }

  /**
   * @param service {@code command} or {@code conversion}
   * @param operation the command ({@code c}) or {@code convert}
   * @param outcome {@code ok}, {@code error_<code>} or {@code unreachable}
   * @param nanos how long it took
   */
  public void documentServerCall(String service, String operation, String outcome, long nanos) {
    dsCalls.add(1, service, operation, outcome);
    dsSeconds.observe(nanos, service);
  }

  /**
   * @param operation the WOPI operation ({@code CheckFileInfo}, {@code GetFile}, {@code LOCK}, ...)
   * @param status the HTTP status answered
   * @param nanos how long it took
   */
  public void wopiRequest(String operation, int status, long nanos) {
    wopiRequests.add(1, operation, Integer.toString(status));
    wopiSeconds.observe(nanos, operation);
  }

  /**
   * @param action the admin action
   * @param outcome its outcome token
   */
  public void adminAction(String action, String outcome) {
    adminActions.add(1, action, word(outcome));
  }

  /**
   * @param check a part of the settings check
   * @param passed whether it passed
   */
  public void settingsCheck(String check, boolean passed) {
    checks.set(passed ? 1 : 0, check);
  }

  /**
   * @param name a metric's name, as exposed
   * @param labels its label values
   * @return the series' current value, 0 when it has not been touched
   */
  public long value(String name, String... labels) {
    return all.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .map(f -> f.value(labels))
        .orElseThrow(() -> new IllegalArgumentException("no metric " + name));
  }

  /**
   * @return every metric in the Prometheus text exposition format
   */
  public String prometheusText() {
    StringBuilder out = new StringBuilder(8192);
    for (MetricFamily f : all) {
      f.write(out);
    }
    return out.toString();
  }

  /** The first word of a reason, lower case: label values stay a small vocabulary. */
  private static String word(String text) {
    if (text == null || text.isBlank()) {
      return "none";
    }
    String w = text.strip().split("[\\s=]", 2)[0].toLowerCase(Locale.ROOT);
    return w.length() > 40 ? w.substring(0, 40) : w;
  }
}
