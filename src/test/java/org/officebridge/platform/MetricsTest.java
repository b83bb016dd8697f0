package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final Metrics metrics = new Metrics();

  @Test
  void countersAreWrittenInThePrometheusTextFormat() {
    metrics.callback("2", "saved", 3_000_000);
    metrics.callback("2", "saved", 30_000_000);
    String text = metrics.prometheusText();
    assertTrue(text.contains("# HELP officebridge_callbacks_total "), text);
    assertTrue(text.contains("# TYPE officebridge_callbacks_total counter\n"), text);
    assertTrue(
        text.contains("officebridge_callbacks_total{status=\"2\",outcome=\"saved\"} 2\n"), text);
  }

  @Test
  void timersAreCumulativeHistogramsInSeconds() {
    metrics.callback("6", "saved", 3_000_000);
    metrics.callback("6", "saved", 30_000_000);
    metrics.callback("6", "saved", 200_000_000_000L);
    String text = metrics.prometheusText();
    assertTrue(text.contains("# TYPE officebridge_callback_duration_seconds histogram\n"), text);
    assertTrue(
        text.contains(
            "officebridge_callback_duration_seconds_bucket{status=\"6\",le=\"0.005\"} 1\n"),
        text);
    assertTrue(
        text.contains(
            "officebridge_callback_duration_seconds_bucket{status=\"6\",le=\"0.05\"} 2\n"),
        text);
    assertTrue(
        text.contains(
            "officebridge_callback_duration_seconds_bucket{status=\"6\",le=\"120.0\"} 2\n"),
        text);
    assertTrue(
        text.contains(
            "officebridge_callback_duration_seconds_bucket{status=\"6\",le=\"+Inf\"} 3\n"),
        text);
    assertTrue(
        text.contains("officebridge_callback_duration_seconds_count{status=\"6\"} 3\n"), text);
    assertTrue(
        text.contains("officebridge_callback_duration_seconds_sum{status=\"6\"} 200.033"), text);
  }

  @Test
  void labelValuesAreEscapedAndReasonsCutToOneWord() {
    metrics.tokenRejected("wopi", "Bad \"token\"\nnext line");
    metrics.adminAction("a\"b\\c", "ok");
    String text = metrics.prometheusText();
    assertTrue(text.contains("endpoint=\"wopi\",reason=\"bad\"} 1"), text);
    assertTrue(text.contains("action=\"a\\\"b\\\\c\""), text);
  }

  @Test
  void seriesAreBoundedSoThatNoInputCanGrowAScrapeWithoutLimit() {
    for (int i = 0; i < MetricFamily.MAX_SERIES + 50; i++) {
      metrics.adminAction("action" + i, "ok");
    }
    String text = metrics.prometheusText();
    long series =
        text.lines().filter(l -> l.startsWith("officebridge_admin_actions_total{")).count();
    assertEquals(MetricFamily.MAX_SERIES + 1, series);
    assertEquals(50, metrics.value("officebridge_admin_actions_total", "other", "other"));
  }

  @Test
  void streamsCountTheBytesThatPass() throws Exception {
    byte[] bytes = new byte[100_000];
    try (InputStream in = metrics.counting(new ByteArrayInputStream(bytes), "wopi-putfile")) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    try (OutputStream out = metrics.counting(new ByteArrayOutputStream(), "wopi-getfile")) {
      out.write(bytes, 0, 1234);
      out.write(7);
    }
    assertEquals(100_000, metrics.value("officebridge_streamed_bytes_total", "wopi-putfile"));
    assertEquals(1235, metrics.value("officebridge_streamed_bytes_total", "wopi-getfile"));
  }

  @Test
  void gaugesHoldTheLastValue() {
    metrics.settingsCheck("ds-jwt", true);
    metrics.settingsCheck("ds-jwt", false);
    assertEquals(0, metrics.value("officebridge_settings_check_ok", "ds-jwt"));
    assertTrue(
        metrics.prometheusText().contains("officebridge_settings_check_ok{check=\"ds-jwt\"} 0\n"));
  }
}
