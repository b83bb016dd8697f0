package org.officebridge.standin;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.officebridge.standin.callback.CallbackDispatcher;
import org.officebridge.standin.callback.CallbackLog;
import org.officebridge.standin.callback.CallbackSender;
import org.officebridge.standin.callback.ForgottenFiles;
import org.officebridge.standin.callback.OutboxSigner;
import org.officebridge.standin.command.CommandResource;
import org.officebridge.standin.command.LicenseInfo;
import org.officebridge.standin.control.ControlResource;
import org.officebridge.standin.control.LandingResource;
import org.officebridge.standin.conversion.ConversionResource;
import org.officebridge.standin.conversion.ConversionService;
import org.officebridge.standin.editor.EditorResource;
import org.officebridge.standin.editor.SignedMethods;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.http.Outbound;
import org.officebridge.standin.http.Router;
import org.officebridge.standin.office.SimulatedEditor;
import org.officebridge.standin.session.Connection;
import org.officebridge.standin.session.DocumentFetcher;
import org.officebridge.standin.session.DownloadRecord;
import org.officebridge.standin.session.EditingService;
import org.officebridge.standin.session.EditorConfigReader;
import org.officebridge.standin.session.EditorUser;
import org.officebridge.standin.session.OpenOutcome;
import org.officebridge.standin.session.SessionView;
import org.officebridge.standin.storage.FileLinkResource;
import org.officebridge.standin.storage.FileStore;
import org.officebridge.standin.storage.SignedLinks;
import org.officebridge.standin.wopi.DiscoveryXml;
import org.officebridge.standin.wopi.ProofKeys;
import org.officebridge.standin.wopi.ProofSigner;
import org.officebridge.standin.wopi.WopiClient;
import org.officebridge.standin.wopi.WopiOpening;
import org.officebridge.standin.wopi.WopiRecord;
import org.officebridge.standin.wopi.WopiRequest;
import org.officebridge.standin.wopi.WopiResource;
import org.officebridge.standin.wopi.WopiService;

/**
 * A running stand-in: its base URL, and the controls tests use to drive it (simulated users,
 * failures, the logs of what it sent). {@link #close()} stops the server, every timer and every
 * thread, and deletes its files.
 */
public final class RunningStandIn implements AutoCloseable {

  private final StandInSettings settings;
  private final Threads threads;
  private final HttpServer server;
  private final FileStore store;
  private final URI baseUrl;
  private final Faults faults = new Faults();
  private final CallbackLog callbackLog = new CallbackLog();
  private final ForgottenFiles forgotten = new ForgottenFiles();
  private final FormatTable formats = FormatTable.load();
  private final DocumentFetcher fetcher;
  private final EditingService editing;
  private final SignedLinks links;
  private final EditorResource editorResource;
  private final ProofKeys proofKeys = new ProofKeys();
  private final WopiService wopi;
  private final WopiResource wopiResource;

  private RunningStandIn(StandInSettings settings) throws IOException {
    this.settings = settings;
    this.threads = new Threads(settings.threads());
    this.store = new FileStore();
    Router router = new Router(settings.maxRequestBytes());
    try {
      server =
          HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 64);
    } catch (IOException e) {
      threads.close();
      store.close();
      throw e;
    }
    server.setExecutor(threads.http);
    server.createContext("/", router);
    baseUrl =
        settings
            .publicUrl()
            .orElse(
                URI.create(
                    "http://"
                        + hostLiteral(settings.bindAddress())
                        + ":"
                        + server.getAddress().getPort()));
    Outbound outbound = new Outbound(settings.loopbackOnly());
    OutboxSigner signer = new OutboxSigner(settings.jwt(), settings.clock(), faults);
    links = new SignedLinks(() -> baseUrl, settings.clock(), settings.linkTtl());
    fetcher =
        new DocumentFetcher(outbound, signer, store, settings.clock(), settings.downloadTimeout());
    CallbackSender sender =
        new CallbackSender(
            outbound,
            signer,
            callbackLog,
            settings.clock(),
            settings.retryBaseDelay(),
            settings.callbackRetries(),
            settings.requestTimeout());
    CallbackDispatcher dispatcher =
        new CallbackDispatcher(
            sender,
            threads.workers,
            threads.timers,
            faults,
            settings.callbackDelay().plusSeconds(2));
    editing =
        new EditingService(
            new EditingService.Parts(
                new EditorConfigReader(settings.jwt(), formats, settings.clock()),
                fetcher,
                new SimulatedEditor(formats),
                store,
                links,
                dispatcher,
                forgotten,
                settings.clock(),
                threads.timers,
                threads.workers,
                settings.callbackDelay(),
                settings.maxDownloadBytes(),
                settings.version(),
                formats));
    new FileLinkResource(store, links, faults).register(router);
    editorResource =
        new EditorResource(
            editing,
            new SignedMethods(settings.jwt(), settings.clock()),
            fetcher,
            links,
            store,
            formats,
            settings.maxDownloadBytes(),
            settings.version());
    editorResource.register(router);
    ProofSigner proofSigner =
        new ProofSigner(proofKeys, settings.clock(), faults, settings.wopiProofKeys());
    wopi =
        new WopiService(
            new WopiService.Parts(
                new WopiClient(
                    outbound,
                    proofSigner,
                    settings.clock(),
                    settings.requestTimeout(),
                    settings.version()),
                new SimulatedEditor(formats),
                fetcher,
                store,
                formats,
                settings.clock(),
                threads.timers,
                threads.workers,
                settings.callbackDelay(),
                settings.wopiRefreshLockInterval(),
                settings.maxDownloadBytes()));
    wopiResource =
        new WopiResource(
            wopi,
            new DiscoveryXml(formats),
            proofKeys,
            proofSigner,
            () -> baseUrl,
            settings.version());
    wopiResource.register(router);
    new CommandResource(
            editing,
            forgotten,
            links,
            settings.jwt(),
            faults,
            settings.clock(),
            new LicenseInfo(settings.version(), Instant.parse("2025-01-01T00:00:00Z")))
        .register(router);
    new ConversionResource(
            new ConversionService(
                fetcher,
                store,
                formats,
                faults,
                threads.workers,
                settings.conversionTimeout(),
                settings.maxDownloadBytes()),
            links,
            settings.jwt(),
            settings.clock())
        .register(router);
    settings
        .autoAssembly()
        .ifPresent(
            every ->
                threads.timers.scheduleWithFixedDelay(
                    () -> editing.sessions().forEach(s -> editing.forcesaveByTimer(s.key())),
                    every.toMillis(),
                    every.toMillis(),
                    TimeUnit.MILLISECONDS));
    new ControlResource(this).register(router);
    new LandingResource(this).register(router);
    server.start();
  }

  private static String hostLiteral(String address) {
    return address.contains(":") ? "[" + address + "]" : address;
  }

  static RunningStandIn start(StandInSettings settings) throws IOException {
    return new RunningStandIn(settings);
  }

  /**
   * @return the stand-in's base URL, e.g. {@code http://127.0.0.1:41234}
   */
  public URI baseUrl() {
    return baseUrl;
  }

  /**
   * @return the settings it runs with
   */
  public StandInSettings settings() {
    return settings;
  }

  /**
   * @return the fault switches
   */
  public Faults faults() {
    return faults;
  }

  /**
   * @return the format table
   */
  public FormatTable formats() {
    return formats;
  }

  // ---- Docs API sessions -----------------------------------------------------------------

  /**
   * Opens an editor from a config, headless, exactly as the editor frame does.
   *
   * @param config the config given to {@code DocsAPI.DocEditor}
   * @return the connection or the error the editor would show
   * @throws InterruptedException when interrupted during the download
   */
  public OpenOutcome openEditor(Map<String, Object> config) throws InterruptedException {
    return editing.open(config);
  }

  /**
   * @return every editing session
   */
  public List<SessionView> sessions() {
    return editing.sessions();
  }

  /**
   * @param key a document key
   * @return its session
   */
  public Optional<SessionView> session(String key) {
    return editing.session(key);
  }

  /**
   * Another user joins an open session (with the session's latest callbackUrl).
   *
   * @param key the document key
   * @param user the user
   * @return the connection
   */
  public Connection join(String key, EditorUser user) {
    return editing.join(key, user);
  }

  /**
   * @param key the document key
   * @param userId a connected editor
   * @return the visible line the simulated edit added
   */
  public String edit(String key, String userId) {
    return editing.edit(key, userId);
  }

  /**
   * @param key the document key
   * @param userId a connected user; their latest connection closes
   */
  public void leave(String key, String userId) {
    editing.leave(key, userId);
  }

  /**
   * @param key the document key
   * @param userId who clicks Save
   * @return what happened (forcesave type 1 needs {@code customization.forcesave=true})
   */
  public EditingService.SaveButton pressSave(String key, String userId) {
    return editing.pressSave(key, userId);
  }

  /**
   * @param key the key of an open PDF form
   * @param userId the submitter
   * @return completes with whether the status 6 (type 3) callback was accepted
   */
  public CompletableFuture<Boolean> submitForm(String key, String userId) {
    return editing.submitForm(key, userId);
  }

  /**
   * @param key the document key
   * @return whether a timer forcesave (type 2) was queued
   */
  public boolean forcesaveByTimer(String key) {
    return editing.forcesaveByTimer(key);
  }

  /**
   * Makes the next final save report status 3 or the next forcesave status 7.
   *
   * @param status 3 or 7
   */
  public void failNextSave(int status) {
    editing.failNextSave(Optional.empty(), status);
  }

  /**
   * @param key a document key
   * @param status 3 or 7
   */
  public void failNextSave(String key, int status) {
    editing.failNextSave(Optional.of(key), status);
  }

  /**
   * @return every callback attempt, with the answers
   */
  public CallbackLog callbacks() {
    return callbackLog;
  }

  /**
   * @return every server-side download
   */
  public List<DownloadRecord> downloads() {
    return fetcher.log();
  }

  /**
   * @return the keys of forgotten files
   */
  public List<String> forgottenKeys() {
    return forgotten.keys();
  }

  /**
   * @param key a document key
   * @return a fresh link to its forgotten file
   */
  public Optional<URI> forgottenFile(String key) {
    return forgotten.get(key).map(f -> links.link(f.file()));
  }

  // ---- WOPI ------------------------------------------------------------------------------------

  /**
   * @return {@code <base>/hosting/discovery}
   */
  public URI discoveryUrl() {
    return baseUrl.resolve("/hosting/discovery");
  }

  /**
   * How many times a WOPI host fetched discovery: a host caches it and fetches it again when a
   * proof fails (digest §10), which a test can assert through this count.
   *
   * @return the number of {@code GET /hosting/discovery} requests since the start
   */
  public long discoveryFetches() {
    return wopiResource.discoveryFetches();
  }

  /**
   * Opens a WOPI editor headless, exactly as the host page's form POST to the action URL does.
   *
   * @param actionUrl a discovery urlsrc with the placeholders resolved ({@code wopisrc} required)
   * @param accessToken {@code access_token}
   * @param accessTokenTtl {@code access_token_ttl}, epoch ms
   * @return the editor connection (use {@link #wopi()} to act as its user), or the error
   * @throws InterruptedException when interrupted
   */
  public WopiOpening openWopi(URI actionUrl, String accessToken, long accessTokenTtl)
      throws InterruptedException {
    return openWopi(actionUrl, accessToken, accessTokenTtl, Map.of());
  }

  /**
   * @param actionUrl a discovery urlsrc with the placeholders resolved
   * @param accessToken {@code access_token}
   * @param accessTokenTtl {@code access_token_ttl}, epoch ms
   * @param docsApiConfig {@code docs_api_config}
   * @return the editor connection, or the error
   * @throws InterruptedException when interrupted
   */
  public WopiOpening openWopi(
      URI actionUrl, String accessToken, long accessTokenTtl, Map<String, Object> docsApiConfig)
      throws InterruptedException {
    return wopi.open(
        WopiResource.requestFor(actionUrl, accessToken, accessTokenTtl, docsApiConfig));
  }

  /**
   * Opens a WOPI editor for a WOPISrc directly.
   *
   * @param wopiSrc the file's WOPISrc
   * @param action view, edit, embedview, mobileView, mobileEdit, editnew or formsubmit
   * @param accessToken {@code access_token}
   * @param accessTokenTtl {@code access_token_ttl}, epoch ms
   * @return the editor connection, or the error
   * @throws InterruptedException when interrupted
   */
  public WopiOpening openWopiSrc(
      URI wopiSrc, String action, String accessToken, long accessTokenTtl)
      throws InterruptedException {
    return wopi.open(
        new WopiRequest(
            wopiSrc.toString(),
            action,
            accessToken,
            accessTokenTtl,
            Map.of(),
            Optional.empty(),
            "en-US",
            Optional.empty()));
  }

  /**
   * @return the WOPI sessions: edit, save, close, rename, refreshLock, saveAs, submitForm per
   *     connection id
   */
  public WopiService wopi() {
    return wopi;
  }

  /**
   * @return every WOPI request made to hosts, with the answers
   */
  public List<WopiRecord> wopiRequests() {
    return wopi.client().log();
  }

  /**
   * @return the proof keys published in discovery
   */
  public ProofKeys proofKeys() {
    return proofKeys;
  }

  /** Rotates the proof keys: the current key becomes the old one, a new current key is made. */
  public void rotateProofKeys() {
    proofKeys.rotate();
  }

  /**
   * @return every DocEditor method call the editor frames reported, with the server's verdict
   */
  public List<Map<String, Object>> editorMethodCalls() {
    return editorResource.methodLog();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.close();
    store.close();
  }
}
