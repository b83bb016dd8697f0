package org.officebridge.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.officebridge.reliability.HostileCorpus.HostileCase;
import org.officebridge.testing.RawHttp;

/**
 * Runs every case of the hostile corpus against a deployed demo WAR: sends the request byte for
 * byte, then checks the answer is the one the case expects (a clear 4xx; the few 5xx the WOPI
 * protocol prescribes are stated in their cases), that no answer carries a stack trace, a secret or
 * a genuine token, that no HTML answer echoes hostile markup, that no header was injected, and that
 * the DMS, the lock and the editing session are exactly as before. Writes the figures to {@code
 * target/reliability/corpus-<server>.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileCorpusContract {

  private static final Pattern STACK_TRACE =
      Pattern.compile(
          "Exception|\\.java:\\d|\\bat (org|java|jakarta|com|sun)\\.|Caused by|StackOverflow");
  private static final List<String> HOSTILE_MARKUP =
      List.of(
          "<svg onload",
          "<script>alert",
          "\"><img",
          "javascript:alert(",
          "<iframe src=",
          "onmouseover='alert",
          "&#60;svg");

  /** A JWT, a WOPI access token, or a connector link with its signature, in a log line. */
  private static final Pattern LOGGED_TOKEN =
      Pattern.compile(
          "eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{16,}"
              + "|wt1\\.[A-Za-z0-9_-]{16,}\\.[A-Za-z0-9_-]{16,}"
              + "|[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{43}\\b");

  private static final Pattern JSON_BLOCK =
      Pattern.compile("<script type=\"application/json\"[^>]*>(.*?)</script>", Pattern.DOTALL);
  private static final List<String> UNSAFE_IN_SCRIPT =
      List.of("</", "<!--", "\u2028", "\u2029", "&#60;", "<svg");

  private final Map<String, AtomicInteger> statuses = new TreeMap<>();
  private final Map<String, AtomicInteger> surfaces = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();
  private final AtomicInteger tried = new AtomicInteger();
  private final AtomicInteger unexpected5xx = new AtomicInteger();
  private final AtomicInteger protocol5xx = new AtomicInteger();
  private final AtomicInteger stateChanges = new AtomicInteger();
  private final AtomicInteger leaks = new AtomicInteger();

  /**
   * @return the server under test
   */
  abstract CorpusFixture.Target target();

  /**
   * @return the connector's log lines written since the last call, where the test can read them
   *     (in-process); empty on a remote server
   */
  List<String> newLogLines() {
    return List.of();
  }

  @TestFactory
  Stream<DynamicTest> everyHostileRequestGetsItsClearAnswerAndChangesNothing() throws Exception {
    HostileCorpus corpus = HostileCorpus.load();
    CorpusFixture fixture = CorpusFixture.prepare(target());
    assertTrue(corpus.cases().size() >= 300, "the corpus has " + corpus.cases().size() + " cases");
    return corpus.cases().stream()
        .map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c, corpus, fixture)));
  }

  private void run(HostileCase c, HostileCorpus corpus, CorpusFixture fixture) throws Exception {
    String before = DmsFingerprint.of(fixture);
    RawHttp.Request request = request(c, corpus, fixture);
    InetAddress from = InetAddress.getByName(c.text("from", "127.0.0.1"));
    RawHttp.Response answer = RawHttp.send(from, fixture.target.base(), request);
    String after = DmsFingerprint.of(fixture);

    List<String> problems = new ArrayList<>();
    tried.incrementAndGet();
    statuses
        .computeIfAbsent(String.valueOf(answer.status()), s -> new AtomicInteger())
        .incrementAndGet();
    surfaces.computeIfAbsent(c.surface(), s -> new AtomicInteger()).incrementAndGet();
    if (!c.expect().contains(answer.status())) {
      problems.add("answered " + answer.status() + ", expected " + c.expect());
    }
    if (answer.status() >= 500) {
      (c.expect().contains(answer.status()) ? protocol5xx : unexpected5xx).incrementAndGet();
    }
    String everything = answer.headerText() + "\n" + answer.text();
    String sent =
        new String(request.body(), StandardCharsets.ISO_8859_1)
            + request.target()
            + request.headers();
    if (STACK_TRACE.matcher(answer.text()).find()) {
      problems.add("the body looks like a stack trace");
      leaks.incrementAndGet();
    }
    for (Map.Entry<String, String> secret : fixture.secrets().entrySet()) {
      // a token the request itself carried may come back in an error page (the caller's own
      // input); the secrets, and genuine tokens the request did not carry, never may
      boolean own = !secret.getKey().endsWith("secret") && sent.contains(secret.getValue());
      if (!own && everything.contains(secret.getValue())) {
        problems.add("the answer contains the " + secret.getKey());
        leaks.incrementAndGet();
      }
    }
    if (answer.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).contains("html")) {
      problems.addAll(markupProblems(answer.text()));
    }
    for (String name : corpus.forbiddenHeaders()) {
      if (answer.header(name).isPresent()) {
        problems.add("the answer has " + name + ": " + answer.header(name).get());
        leaks.incrementAndGet();
      }
    }
    problems.addAll(headerProblems(c, answer));
    for (String line : newLogLines()) {
      Matcher token = LOGGED_TOKEN.matcher(line);
      boolean secret = fixture.secrets().values().stream().anyMatch(line::contains);
      if (token.find() || secret) {
        problems.add("a token or secret was logged: " + abbreviate(line));
        leaks.incrementAndGet();
      }
    }
    if (!before.equals(after)) {
      problems.add("the state changed: " + before + " -> " + after);
      stateChanges.incrementAndGet();
    }
    if (!problems.isEmpty()) {
      String line =
          c.id()
              + ": "
              + String.join("; ", problems)
              + " | "
              + c.why()
              + " | body: "
              + abbreviate(answer.text());
      failures.add(line);
      throw new AssertionError(line);
    }
  }

  /**
   * A case's {@code expectHeaders}: each named header must be present and contain the text given
   * (or each of a list of texts; the empty text: present at all), and each header named with a
   * {@code !} in front must be absent.
   */
  private static List<String> headerProblems(HostileCase c, RawHttp.Response answer) {
    List<String> problems = new ArrayList<>();
    if (!c.spec().containsKey("expectHeaders")) {
      return problems;
    }
    c.spec()
        .getJsonObject("expectHeaders")
        .forEach(
            (name, value) -> {
              if (name.startsWith("!")) {
                answer
                    .header(name.substring(1))
                    .ifPresent(v -> problems.add("the answer has " + name.substring(1) + ": " + v));
                return;
              }
              List<String> wanted =
                  value instanceof JsonArray list
                      ? list.getValuesAs(jakarta.json.JsonString.class).stream()
                          .map(jakarta.json.JsonString::getString)
                          .toList()
                      : List.of(((jakarta.json.JsonString) value).getString());
              for (String want : wanted) {
                if (!answer.header(name).map(v -> v.contains(want)).orElse(false)) {
                  problems.add(
                      name + " is " + answer.header(name).orElse("missing") + ", wanted " + want);
                }
              }
            });
    return problems;
  }

  /** Hostile markup outside the JSON data blocks, or text that could end a data block. */
  private List<String> markupProblems(String html) {
    List<String> problems = new ArrayList<>();
    Matcher blocks = JSON_BLOCK.matcher(html);
    while (blocks.find()) {
      for (String unsafe : UNSAFE_IN_SCRIPT) {
        if (blocks.group(1).contains(unsafe)) {
          problems.add("a JSON data block holds " + unsafe.replace("\u2028", "U+2028"));
        }
      }
    }
    String outside = JSON_BLOCK.matcher(html).replaceAll("");
    for (String markup : HOSTILE_MARKUP) {
      if (outside.contains(markup)) {
        problems.add("the HTML answer echoes " + markup);
      }
    }
    leaks.addAndGet(problems.size());
    return problems;
  }

  private RawHttp.Request request(HostileCase c, HostileCorpus corpus, CorpusFixture f) {
    String method = f.resolve(c.text("method", "GET"), corpus, c.it());
    String path = f.resolve(c.text("path", ""), corpus, c.it());
    String target = f.target.base().getRawPath() + path;
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    if (c.spec().containsKey("as")) {
      headers.add(Map.entry("Cookie", "officebridge-demo-user=" + c.spec().getString("as")));
    }
    String origin = c.text("origin", "none");
    if (!origin.equals("none")) {
      headers.add(
          Map.entry(
              "Origin",
              origin.equals("self") ? f.owner.origin() : f.resolve(origin, corpus, c.it())));
    }
    if (c.spec().containsKey("pageToken")) {
      String token = c.spec().getString("pageToken");
      headers.add(
          Map.entry(
              "X-Officebridge-Editor-Token",
              token.equals("valid") ? f.pageToken : f.resolve(token, corpus, c.it())));
    }
    byte[] body = new byte[0];
    if (c.spec().containsKey("json")) {
      body =
          corpus
              .resolveJson(c.spec().get("json"), f, c.it())
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      if (!c.spec().containsKey("headers")
          || !hasHeader(c.spec().getJsonArray("headers"), "Content-Type")) {
        headers.add(Map.entry("Content-Type", "application/json"));
      }
    } else if (c.spec().containsKey("body")) {
      String text = f.resolve(c.spec().getString("body"), corpus, c.it());
      body =
          c.spec().getBoolean("rawBody", false)
              ? RawHttp.wireBytes(text)
              : text.getBytes(StandardCharsets.UTF_8);
    }
    String proof =
        f.resolve(
            c.text("proof", path.startsWith("wopi/files/") ? "valid" : "none"), corpus, c.it());
    headers.addAll(proofHeaders(proof, target, f));
    if (c.spec().containsKey("headers")) {
      for (JsonValue h : c.spec().getJsonArray("headers")) {
        JsonArray pair = h.asJsonArray();
        headers.add(
            Map.entry(
                f.resolve(pair.getString(0), corpus, c.it()),
                f.resolve(pair.getString(1), corpus, c.it())));
      }
    }
    return new RawHttp.Request(method, target, headers, body);
  }

  private static boolean hasHeader(JsonArray headers, String name) {
    return headers.stream().anyMatch(h -> h.asJsonArray().getString(0).equalsIgnoreCase(name));
  }

  private static List<Map.Entry<String, String>> proofHeaders(
      String mode, String target, CorpusFixture f) {
    if (mode.equals("none")) {
      return List.of();
    }
    URI connector = URI.create(f.target.connectorUrl());
    String url = connector.getScheme() + "://" + connector.getRawAuthority() + target;
    Matcher m = Pattern.compile("[?&]access_token=([^&]*)").matcher(target);
    String token = m.find() ? decode(m.group(1)) : "";
    Instant now = Instant.now();
    Map<String, String> h =
        switch (mode) {
          case "valid" -> f.proof(url, token, now, "CURRENT");
          case "stale" -> f.proof(url, token, now.minus(21, ChronoUnit.MINUTES), "CURRENT");
          case "future" -> f.proof(url, token, now.plus(1, ChronoUnit.DAYS), "CURRENT");
          case "wrong-key" -> f.proof(url, token, now, "STRAY");
          case "other-url" -> f.proof(url + "x", token, now, "CURRENT");
          case "other-token" -> f.proof(url, token + "x", now, "CURRENT");
          default -> {
            Map<String, String> valid =
                new java.util.LinkedHashMap<>(f.proof(url, token, now, "CURRENT"));
            applyBrokenProof(mode, valid);
            yield valid;
          }
        };
    return new ArrayList<>(h.entrySet());
  }

  /** Proof headers present but broken in one way each. */
  private static void applyBrokenProof(String mode, Map<String, String> h) {
    switch (mode) {
      case "garbage" -> {
        h.put("X-WOPI-Proof", "AAAA");
        h.put("X-WOPI-ProofOld", "AAAA");
      }
      case "not-base64" -> {
        h.put("X-WOPI-Proof", "!!! not base64 !!!");
        h.put("X-WOPI-ProofOld", "%%%");
      }
      case "empty" -> {
        h.put("X-WOPI-Proof", "");
        h.put("X-WOPI-ProofOld", "");
      }
      case "huge" -> {
        h.put("X-WOPI-Proof", "A".repeat(2500));
        h.put("X-WOPI-ProofOld", "A".repeat(2500));
      }
      case "timestamp-text" -> h.put("X-WOPI-TimeStamp", "yesterday");
      case "timestamp-negative" -> h.put("X-WOPI-TimeStamp", "-1");
      case "timestamp-overflow" -> h.put("X-WOPI-TimeStamp", "99999999999999999999999");
      case "timestamp-zero" -> h.put("X-WOPI-TimeStamp", "0");
      case "timestamp-max" -> h.put("X-WOPI-TimeStamp", String.valueOf(Long.MAX_VALUE));
      case "timestamp-missing" -> h.remove("X-WOPI-TimeStamp");
      case "proof-missing" -> h.remove("X-WOPI-Proof");
      default -> throw new IllegalArgumentException("unknown proof mode " + mode);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String abbreviate(String text) {
    String one = text.replaceAll("\\s+", " ");
    return one.length() > 300 ? one.substring(0, 300) + "..." : one;
  }

  @AfterAll
  void writeFigures() throws IOException {
    Path dir = Path.of("target", "reliability");
    Files.createDirectories(dir);
    StringBuilder b = new StringBuilder();
    b.append("server=").append(target().name()).append('\n');
    b.append("date=").append(Instant.now()).append('\n');
    b.append("cases=").append(tried).append('\n');
    b.append("unexpected5xx=").append(unexpected5xx).append('\n');
    b.append("protocol5xx=").append(protocol5xx).append('\n');
    b.append("stateChanges=").append(stateChanges).append('\n');
    b.append("leaks=").append(leaks).append('\n');
    b.append("failures=").append(failures.size()).append('\n');
    b.append("statuses=").append(statuses).append('\n');
    b.append("surfaces=").append(surfaces).append('\n');
    failures.forEach(f -> b.append("failure: ").append(f).append('\n'));
    Files.writeString(dir.resolve("corpus-" + target().name() + ".txt"), b.toString());
  }
}
