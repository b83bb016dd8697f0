package org.officebridge.soak;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.session.OpenOutcome;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.WopiTestClient;

/**
 * The simulated editing sessions: a Docs API session (the editor page, the stand-in opening the
 * config and downloading the document, callbacks 1, 6 and 2, each save downloaded from the
 * stand-in) and a WOPI session (the host page, CheckFileInfo, Lock, GetFile, PutFile, RefreshLock,
 * Unlock), each on its own document, with a think time between steps as a person editing has.
 */
final class EditingSessions {

  static final String EDITOR_PAGE = "API editor page";
  static final String EDITOR_OPEN = "API open (download)";
  static final String CALLBACK_1 = "API callback 1 (editing)";
  static final String CALLBACK_6 = "API callback 6 (forcesave)";
  static final String CALLBACK_2 = "API callback 2 (save)";
  static final String HOST_PAGE = "WOPI host page";
  static final String CHECK_FILE_INFO = "WOPI CheckFileInfo";
  static final String LOCK = "WOPI Lock";
  static final String GET_FILE = "WOPI GetFile";
  static final String PUT_FILE = "WOPI PutFile";
  static final String REFRESH_LOCK = "WOPI RefreshLock";
  static final String UNLOCK = "WOPI Unlock";
  static final List<String> OPERATIONS =
      List.of(
          EDITOR_PAGE,
          EDITOR_OPEN,
          CALLBACK_1,
          CALLBACK_6,
          CALLBACK_2,
          HOST_PAGE,
          CHECK_FILE_INFO,
          LOCK,
          GET_FILE,
          PUT_FILE,
          REFRESH_LOCK,
          UNLOCK);

  private static final Duration CALLBACK_WAIT = Duration.ofSeconds(60);

  private final URI base;
  private final RunningStandIn ds;
  private final DemoClient demo;
  private final WopiTestClient wopi;
  private final Latencies latencies;
  private final Duration think;
  final AtomicLong apiCycles = new AtomicLong();
  final AtomicLong wopiCycles = new AtomicLong();

  EditingSessions(
      URI base,
      RunningStandIn ds,
      DemoClient demo,
      WopiTestClient wopi,
      Latencies latencies,
      Duration think) {
    this.base = base;
    this.ds = ds;
    this.demo = demo;
    this.wopi = wopi;
    this.latencies = latencies;
    this.think = think;
  }

  /** A failed step: the cycle ends, the error is already recorded. */
  private static final class StepFailed extends Exception {
    StepFailed() {
      super(null, null, false, false);
    }
  }

  /**
   * Runs Docs API cycles on a document until the deadline.
   *
   * @param doc the document
   * @param deadline when to stop (after the cycle under way)
   * @param random the think-time jitter
   */
  void runApi(String doc, Instant deadline, Random random) throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      try {
        apiCycle(doc, random);
        apiCycles.incrementAndGet();
      } catch (StepFailed e) {
        pause(random);
      } catch (RuntimeException e) {
        latencies.error(EDITOR_PAGE, e.getClass().getSimpleName());
        pause(random);
      }
    }
  }

  private void apiCycle(String doc, Random random) throws InterruptedException, StepFailed {
    long t = System.nanoTime();
    DemoClient.EditorPage page;
    try {
      page = demo.editor("owner", "doc=" + doc);
    } catch (Exception e) {
      throw fail(EDITOR_PAGE, e.getClass().getSimpleName());
    }
    if (page.response().statusCode() != 200) {
      throw fail(EDITOR_PAGE, "HTTP " + page.response().statusCode());
    }
    latencies.record(EDITOR_PAGE, System.nanoTime() - t);
    String key = (String) page.config("document.key");
    String user = (String) page.config("editorConfig.user.id");
    t = System.nanoTime();
    OpenOutcome opened = ds.openEditor(page.config());
    if (!opened.opened()) {
      throw fail(EDITOR_OPEN, "refused: " + opened.describe().get("error"));
    }
    latencies.record(EDITOR_OPEN, System.nanoTime() - t);
    awaitAccepted(key, 1, CALLBACK_1);
    pause(random);
    ds.edit(key, user);
    pause(random);
    if (!ds.forcesaveByTimer(key)) {
      throw fail(CALLBACK_6, "the stand-in queued no forcesave");
    }
    awaitAccepted(key, 6, CALLBACK_6);
    pause(random);
    ds.edit(key, user);
    ds.leave(key, user);
    awaitAccepted(key, 2, CALLBACK_2);
    pause(random);
  }

  /** Waits for the first attempt of a status for a key; records its round trip. */
  private void awaitAccepted(String key, int status, String operation)
      throws InterruptedException, StepFailed {
    long deadline = System.nanoTime() + CALLBACK_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<CallbackRecord> first =
          ds.callbacks().forKey(key).stream().filter(r -> r.status() == status).findFirst();
      if (first.isPresent()) {
        CallbackRecord r = first.get();
        if (!r.accepted()) {
          throw fail(operation, "answered HTTP " + r.httpStatus() + " " + r.answer());
        }
        latencies.record(operation, r.took().toNanos());
        return;
      }
      Thread.sleep(50);
    }
    throw fail(operation, "no callback within " + CALLBACK_WAIT.toSeconds() + " s");
  }

  /**
   * Runs WOPI cycles on a document until the deadline.
   *
   * @param doc the document
   * @param deadline when to stop (after the cycle under way)
   * @param random the think-time jitter and the lock ids
   */
  void runWopi(String doc, Instant deadline, Random random) throws InterruptedException {
    while (Instant.now().isBefore(deadline)) {
      try {
        wopiCycle(doc, random);
        wopiCycles.incrementAndGet();
      } catch (StepFailed e) {
        pause(random);
      } catch (RuntimeException e) {
        latencies.error(HOST_PAGE, e.getClass().getSimpleName());
        pause(random);
      }
    }
  }

  private void wopiCycle(String doc, Random random) throws InterruptedException, StepFailed {
    long t = System.nanoTime();
    WopiTestClient.Opened opened;
    try {
      opened = wopi.open(base, "owner", doc);
    } catch (java.io.IOException e) {
      throw fail(HOST_PAGE, e.getMessage());
    }
    latencies.record(HOST_PAGE, System.nanoTime() - t);
    URI src = opened.wopiSrc();
    String token = opened.token();
    String lock = "soak-" + Long.toHexString(random.nextLong());
    call(CHECK_FILE_INFO, src, token, false, null, null, null);
    pause(random);
    call(LOCK, src, token, false, "LOCK", lock, null);
    HttpResponse<String> file = call(GET_FILE, src, token, true, null, null, null);
    pause(random);
    byte[] edited = new byte[16 * 1024 + random.nextInt(16 * 1024)];
    random.nextBytes(edited);
    call(PUT_FILE, src, token, true, "PUT", lock, edited);
    pause(random);
    call(REFRESH_LOCK, src, token, false, "REFRESH_LOCK", lock, null);
    pause(random);
    call(UNLOCK, src, token, false, "UNLOCK", lock, null);
    if (file.body().isEmpty()) {
      throw fail(GET_FILE, "an empty file");
    }
  }

  private HttpResponse<String> call(
      String operation,
      URI src,
      String token,
      boolean contents,
      String override,
      String lock,
      byte[] body)
      throws InterruptedException, StepFailed {
    long t = System.nanoTime();
    HttpResponse<String> r;
    try {
      r = wopi.call(src, token, contents, override, lock, body);
    } catch (java.io.IOException e) {
      throw fail(operation, e.getClass().getSimpleName());
    }
    if (r.statusCode() != 200) {
      throw fail(operation, "HTTP " + r.statusCode());
    }
    latencies.record(operation, System.nanoTime() - t);
    return r;
  }

  private StepFailed fail(String operation, String what) {
    latencies.error(operation, what);
    return new StepFailed();
  }

  private void pause(Random random) throws InterruptedException {
    long ms = think.toMillis();
    Thread.sleep(ms / 2 + (ms == 0 ? 0 : random.nextInt((int) ms)));
  }
}
