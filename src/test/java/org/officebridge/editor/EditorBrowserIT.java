package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.Browser;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The editor page in headless Chromium against the Document Server stand-in: every event the page
 * handles is fired from the stand-in's editor frame, and the test checks what the page answered
 * (the editor method and its verdict in the frame) and what changed in the demo DMS. Screenshots of
 * the desktop, mobile and embedded editor go to {@code target/screenshots/}.
 */
class EditorBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private static RunningStandIn documentServer;
  private static InProcessServer server;
  private static Browser browser;
  private static DemoClient demo;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    documentServer =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(200))
            .retryBaseDelay(Duration.ofMillis(50))
            .start();
    Path data = Files.createTempDirectory(Path.of("target"), "editor-browser-data-");
    String ds = documentServer.baseUrl().toString().replaceAll("/$", "");
    server = InProcessServer.start(InProcessServer.demoWar(), TestSettings.forInProcess(ds, data));
    demo = new DemoClient(server.baseUrl());
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      try {
        if (server != null) {
          server.close();
        }
      } finally {
        if (documentServer != null) {
          documentServer.close();
        }
      }
    }
  }

  private static WebDriver driver() {
    return browser.driver();
  }

  /** Opens an editor page as a demo user and waits until the stand-in's editor is ready. */
  private static void open(String user, String query) {
    driver().switchTo().defaultContent();
    driver().get(server.baseUrl().toString());
    driver().manage().deleteAllCookies();
    driver()
        .manage()
        .addCookie(
            new Cookie.Builder(DemoClient.USER_COOKIE, user).path(InProcessServer.CONTEXT).build());
    driver().get(server.url("editor?" + query).toString());
    waitForEditor();
  }

  private static void waitForEditor() {
    browser
        .waitUpTo(WAIT)
        .until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
  }

  private static void inFrame(Runnable action) {
    driver().switchTo().defaultContent();
    driver().switchTo().frame(driver().findElement(By.cssSelector("iframe[data-standin-frame]")));
    try {
      action.run();
    } finally {
      driver().switchTo().defaultContent();
    }
  }

  private static void fire(String event) {
    inFrame(() -> driver().findElement(By.cssSelector("button[data-fire=" + event + "]")).click());
  }

  /** Waits for the frame to report a method call with a final verdict and returns it. */
  private static String verdict(String method) {
    String[] verdict = new String[1];
    inFrame(
        () ->
            browser
                .waitUpTo(WAIT)
                .until(
                    d -> {
                      List<WebElement> calls =
                          d.findElements(
                              By.cssSelector("#standin-methods li[data-method=" + method + "]"));
                      if (calls.isEmpty()) {
                        return false;
                      }
                      String v = calls.get(calls.size() - 1).getAttribute("data-verdict");
                      verdict[0] = v;
                      return !"received".equals(v);
                    }));
    return verdict[0];
  }

  private static void pageRecorded(String event, String outcome) {
    browser
        .waitUpTo(WAIT)
        .until(
            d -> {
              String events = d.findElement(By.tagName("body")).getAttribute("data-events");
              return events != null && events.contains(event + ":" + outcome + " ");
            });
  }

  private static String frameText(String id) {
    String[] text = new String[1];
    inFrame(
        () -> {
          browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
          text[0] = driver().findElement(By.id(id)).getAttribute("data-value");
        });
    return text[0];
  }

  private static String newDocument(String type) throws Exception {
    return demo.createDocument("owner", "Browser " + UUID.randomUUID(), type);
  }

  private static Map<String, Object> history(String user, String doc) throws Exception {
    DemoClient.EditorPage page = demo.editor(user, "doc=" + doc);
    return DemoClient.body(demo.call(user, page, "GET", "history", null));
  }

  @Test
  void desktopMobileAndEmbeddedEditorsOpenWithScreenshots() throws Exception {
    String doc = demo.idOf("Project report.docx");
    driver().manage().window().setSize(new Dimension(1280, 900));
    driver().get(server.baseUrl().toString());
    browser.screenshot("demo-index");
    open("owner", "doc=" + doc);
    inFrame(
        () ->
            assertEquals(
                "edit", driver().findElement(By.id("standin-mode")).getAttribute("data-mode")));
    browser.screenshot("editor-desktop");
    try {
      driver().manage().window().setSize(new Dimension(412, 860));
      open("reviewer", "doc=" + doc + "&type=mobile");
      assertEquals(
          "platform-mobile", driver().findElement(By.tagName("body")).getAttribute("class"));
      inFrame(
          () ->
              assertEquals(
                  "review",
                  driver().findElement(By.id("standin-mode")).getAttribute("data-scope"),
                  "a reviewer edits in review mode"));
      browser.screenshot("editor-mobile");
    } finally {
      driver().manage().window().setSize(new Dimension(1280, 900));
    }
    open("viewer", "doc=" + doc + "&type=embedded");
    inFrame(
        () ->
            assertEquals(
                "view", driver().findElement(By.id("standin-mode")).getAttribute("data-mode")));
    browser.screenshot("editor-embedded");
    assertTrue(Files.size(Path.of("target", "screenshots", "editor-embedded.png")) > 0);
  }

  @Test
  void historyShowsSignedVersionDataAndRestoreStoresANewVersion() throws Exception {
    String doc = newDocument("docx");
    byte[] bytes =
        demo.send(demo.get("owner", "api/editor/" + doc + "/content"))
            .body()
            .getBytes(StandardCharsets.ISO_8859_1);
    assertEquals(302, demo.upload("owner", doc, "second.docx", bytes));
    open("owner", "doc=" + doc);
    fire("onRequestHistory");
    assertEquals("done", verdict("refreshHistory"));
    pageRecorded("onRequestHistory", "answered");
    inFrame(
        () ->
            driver()
                .findElement(By.cssSelector("#standin-history [data-version='1'] button"))
                .click());
    assertEquals("accepted", verdict("setHistoryData"));
    inFrame(
        () -> {
          List<WebElement> buttons =
              driver().findElements(By.cssSelector("#standin-history [data-version='1'] button"));
          buttons.get(buttons.size() - 1).click();
        });
    pageRecorded("onRequestRestore", "restored");
    assertEquals(3, ((Number) history("owner", doc).get("currentVersion")).intValue());
    fire("onRequestHistoryClose");
    browser
        .waitUpTo(WAIT)
        .until(d -> d.findElement(By.tagName("body")).getAttribute("data-events") == null);
    waitForEditor();
  }

  @Test
  void renameStoresTheNameAndReachesTheEditorThroughMeta() throws Exception {
    String doc = newDocument("docx");
    open("editor", "doc=" + doc);
    fire("onRequestRename");
    pageRecorded("onRequestRename", "renamed");
    String title = (String) demo.editor("owner", "doc=" + doc).config("document.title");
    assertTrue(title.startsWith("Renamed Browser "), title);
    inFrame(
        () ->
            browser
                .waitUpTo(WAIT)
                .until(
                    ExpectedConditions.attributeToBe(By.id("standin-title"), "data-title", title)));
  }

  @Test
  void editRightsReopenForEditorsAndAreDeniedToViewers() throws Exception {
    String doc = newDocument("docx");
    open("editor", "doc=" + doc + "&mode=view");
    fire("onRequestEditRights");
    browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("mode=edit"));
    waitForEditor();
    assertEquals("edit", driver().findElement(By.tagName("body")).getAttribute("data-mode"));
    open("viewer", "doc=" + doc);
    fire("onRequestEditRights");
    assertEquals("done", verdict("denyEditingRights"));
    pageRecorded("onRequestEditRights", "denied");
  }

  @Test
  void legacyDocumentIsConvertedWhenAnEditorAsksToEdit() throws Exception {
    String name = "Memo " + UUID.randomUUID() + ".doc";
    byte[] rtf = "{\\rtf1\\ansi A legacy memo.\\par}".getBytes(StandardCharsets.US_ASCII);
    assertEquals(302, demo.upload("owner", null, name, rtf));
    String doc = demo.idOf(name);
    open("owner", "doc=" + doc);
    assertEquals("view", driver().findElement(By.tagName("body")).getAttribute("data-mode"));
    fire("onRequestEditRights");
    browser.waitUpTo(WAIT).until(ExpectedConditions.urlContains("mode=edit"));
    waitForEditor();
    assertEquals(
        name.replace(".doc", ".docx"), demo.editor("owner", "doc=" + doc).config("document.title"));
    assertEquals(2, ((List<?>) history("owner", doc).get("history")).size(), "a new version");
  }

  @Test
  void sharingDialogShowsAndChangesTheSharingSettings() throws Exception {
    String doc = newDocument("docx");
    open("owner", "doc=" + doc);
    fire("onRequestSharingSettings");
    browser
        .waitUpTo(WAIT)
        .until(
            ExpectedConditions.attributeToBe(
                By.id("officebridge-dialog"), "data-sharing", "changeable"));
    WebElement level = driver().findElement(By.cssSelector("select[data-level-of=viewer]"));
    new org.openqa.selenium.support.ui.Select(level).selectByValue("comment");
    driver().findElement(By.cssSelector("#officebridge-dialog button[data-save]")).click();
    pageRecorded("onRequestSharingSettings", "saved");
    assertEquals("done", verdict("setSharingSettings"));
    List<?> sharing =
        (List<?>) demo.editor("owner", "doc=" + doc).config("document.info.sharingSettings");
    assertTrue(
        sharing.contains(Map.of("user", "Victor Viewer", "permissions", "Comment")),
        String.valueOf(sharing));
  }

  @Test
  void pickersInsertDocumentsFromTheDmsWithSignedArguments() throws Exception {
    String doc = newDocument("docx");
    String image = "Picture " + UUID.randomUUID() + ".png";
    assertEquals(302, demo.upload("owner", null, image, PNG));
    String imageId = demo.idOf(image);
    String sheet = newDocument("xlsx");
    String other = newDocument("docx");
    open("editor", "doc=" + doc);
    pick("onRequestInsertImage", imageId, "insertImage");
    pick("onRequestSelectSpreadsheet", sheet, "setRequestedSpreadsheet");
    pick("onRequestMailMergeRecipients", sheet, "setMailMergeRecipients");
    pick("onRequestSelectDocument", other, "setRequestedDocument");
    pick("onRequestCompareFile", other, "setRevisedFile");
  }

  private static void pick(String event, String source, String method) {
    fire(event);
    browser
        .waitUpTo(WAIT)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#officebridge-dialog [data-pick='" + source + "']")))
        .click();
    assertEquals("accepted", verdict(method), method);
    pageRecorded(event, "answered");
  }

  @Test
  void referenceDataIsFoundByItsPathAndSigned() throws Exception {
    demo.createDocument("owner", "sample", "xlsx");
    String doc = newDocument("xlsx");
    open("editor", "doc=" + doc);
    fire("onRequestReferenceData");
    assertEquals("accepted", verdict("setReferenceData"));
    pageRecorded("onRequestReferenceData", "answered");
  }

  @Test
  void actionLinkUsersMentionsFavouriteAndMessages() throws Exception {
    String doc = newDocument("docx");
    open("commenter", "doc=" + doc);
    inFrame(
        () -> {
          WebElement mode = driver().findElement(By.id("standin-mode"));
          assertEquals("edit", mode.getAttribute("data-mode"), "a commenter edits comments");
          assertEquals("comment", mode.getAttribute("data-scope"));
        });
    fire("onMakeActionLink");
    assertEquals("done", verdict("setActionLink"));
    String link = frameText("standin-action-link");
    assertTrue(link.contains("actionLink="), link);
    fire("onRequestUsers");
    assertEquals("done", verdict("setUsers"));
    assertTrue(frameText("standin-users").contains("editor@demo.officebridge.invalid"));
    fire("onRequestSendNotify");
    pageRecorded("onRequestSendNotify", "notified");
    assertEquals("done", verdict("showMessage"));
    driver().findElement(By.id("favorite")).click();
    pageRecorded("setFavorite", "true");
    assertEquals("true", frameText("standin-favorite"));
    assertEquals(true, demo.editor("commenter", "doc=" + doc).config("document.info.favorite"));
    driver().get(link);
    waitForEditor();
    assertTrue(driver().getPageSource().contains("\"actionLink\""));
  }

  @Test
  void saveAsStoresACopyAndDownloadAsOpensTheConvertedFile() throws Exception {
    String doc = newDocument("docx");
    String title = (String) demo.editor("owner", "doc=" + doc).config("document.title");
    open("editor", "doc=" + doc);
    fire("onRequestSaveAs");
    pageRecorded("onRequestSaveAs", "saved");
    assertTrue(
        demo.send(demo.get("owner", "")).body().contains(title.replace(".docx", " (2).docx")),
        "the copy is in the DMS");
    String window = driver().getWindowHandle();
    new org.openqa.selenium.support.ui.Select(driver().findElement(By.id("download-format")))
        .selectByValue("pdf");
    driver().findElement(By.id("download-as")).click();
    pageRecorded("onDownloadAs", "answered");
    closeOtherWindows(window);
  }

  private static void closeOtherWindows(String keep) {
    for (String handle : new ArrayList<>(driver().getWindowHandles())) {
      if (!handle.equals(keep)) {
        driver().switchTo().window(handle).close();
      }
    }
    driver().switchTo().window(keep);
  }

  @Test
  void createNewOpensTheFormAndCloseReturnsToTheFolder() throws Exception {
    String doc = newDocument("docx");
    open("editor", "doc=" + doc);
    String window = driver().getWindowHandle();
    fire("onRequestCreateNew");
    pageRecorded("onRequestCreateNew", "opened");
    browser.waitUpTo(WAIT).until(d -> d.getWindowHandles().size() == 2);
    for (String handle : driver().getWindowHandles()) {
      if (!handle.equals(window)) {
        driver().switchTo().window(handle);
      }
    }
    String title = "Created " + UUID.randomUUID();
    WebElement name =
        browser.waitUpTo(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("title")));
    name.clear();
    name.sendKeys(title);
    driver().findElement(By.id("create")).click();
    waitForEditor();
    assertTrue(demo.send(demo.get("owner", "")).body().contains(title + ".docx"));
    closeOtherWindows(window);
    fire("onRequestClose");
    browser.waitUpTo(WAIT).until(ExpectedConditions.urlToBe(server.baseUrl().toString()));
  }

  @Test
  void refreshFileGetsAFreshSignedConfig() throws Exception {
    String doc = newDocument("docx");
    open("editor", "doc=" + doc);
    fire("onRequestRefreshFile");
    assertEquals("accepted", verdict("refreshFile"));
    pageRecorded("onRequestRefreshFile", "answered");
  }
}
