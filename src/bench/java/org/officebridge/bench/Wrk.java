package org.officebridge.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian's wrk: a fixed number of connections for a fixed time, with the latency distribution. */
final class Wrk {

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");

  /**
   * @param requestsPerSecond throughput
   * @param p99Millis 99th percentile latency
   */
  record Result(double requestsPerSecond, double p99Millis) {}

  private Wrk() {}

  /**
   * @param url the URL, GET
   * @param connections open connections
   * @param seconds how long
   * @param headers request headers
   * @return the measurement
   * @throws IOException when wrk fails or any answer is not 2xx
   * @throws InterruptedException when interrupted
   */
  static Result run(URI url, int connections, int seconds, Map<String, String> headers)
      throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t2",
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "--timeout",
                "10s"));
    headers.forEach((k, v) -> cmd.addAll(List.of("-H", k + ": " + v)));
    cmd.add(url.toString());
    String out = Commands.run(cmd);
    Matcher bad = NON_2XX.matcher(out);
    if (bad.find()) {
      throw new IOException(bad.group(1) + " failed requests to " + url.getPath() + ":\n" + out);
    }
    Matcher rps = RPS.matcher(out);
    Matcher p99 = P99.matcher(out);
    if (!rps.find() || !p99.find()) {
      throw new IOException("unexpected wrk output:\n" + out);
    }
    double value = Double.parseDouble(p99.group(1));
    double millis =
        switch (p99.group(2)) {
          case "us" -> value / 1000;
          case "s" -> value * 1000;
          default -> value;
        };
    return new Result(Double.parseDouble(rps.group(1)), millis);
  }
}
