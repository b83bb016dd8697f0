package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.officebridge.testing.DemoClient.at;
import static org.officebridge.testing.DemoClient.body;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.session.OpenOutcome;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.DemoClient.EditorPage;

/**
 * The editor's black-box checks over HTTP against the demo WAR, run in-process ({@code
 * EditorHttpIT}) and on WildFly and Payara ({@code EditorServerIT}): the config of each demo user
 * against their rights, the JWT round trip, key stability and rotation, and every event endpoint
 * with a negative test for each authorization decision.
 */
abstract class EditorContract {

  /** The demo users and what the config must grant them on a document someone else owns. */
  private static final Map<String, Set<String>> GRANTED =
      Map.of(
          "editor",
          Set.of(
              "edit",
              "review",
              "comment",
              "fillForms",
              "modifyContentControl",
              "modifyFilter",
              "copy",
              "download",
              "print",
              "rename",
              "chat",
              "protect"),
          "reviewer",
          Set.of("review", "comment", "copy", "download", "print", "chat"),
          "commenter",
          Set.of("comment", "copy", "download", "print", "chat"),
          "filler",
          Set.of("fillForms", "download", "print"),
          "viewer",
          Set.of());

  private static final List<String> FLAGS =
      List.of(
          "edit",
          "review",
          "comment",
          "fillForms",
          "modifyContentControl",
          "modifyFilter",
          "copy",
          "download",
          "print",
          "rename",
          "chat",
          "protect");

  abstract DemoClient client();

  abstract String jwtSecret();

  /**
   * @return the Document Server stand-in the connector under test is configured with
   */
  abstract RunningStandIn documentServer();

  private static String newDocumentId(EditorPage page) {
    return (String) page.data().get("doc");
  }

  private String newDocument(String type) throws Exception {
    return client().createDocument("owner", "Editor test " + UUID.randomUUID(), type);
  }

  @Test
  void configOfEachDemoUserFollowsTheirRights() throws Exception {
    String doc = newDocument("docx");
    for (Map.Entry<String, Set<String>> user : GRANTED.entrySet()) {
      EditorPage page = client().editor(user.getKey(), "doc=" + doc);
      assertEquals(200, page.response().statusCode(), user.getKey());
      for (String flag : FLAGS) {
        assertEquals(
            user.getValue().contains(flag),
            page.config("document.permissions." + flag),
            user.getKey() + " " + flag);
      }
      boolean editing = !user.getKey().equals("viewer");
      assertEquals(editing ? "edit" : "view", page.config("editorConfig.mode"), user.getKey());
      assertEquals(editing, page.config("editorConfig.callbackUrl") != null, user.getKey());
      assertEquals(user.getKey(), page.config("editorConfig.user.id"));
    }
    EditorPage owner = client().editor("owner", "doc=" + doc);
    for (String flag : FLAGS) {
      assertEquals(true, owner.config("document.permissions." + flag), "owner " + flag);
    }
  }

  @Test
  void viewerAskingForEditModeStillGetsViewMode() throws Exception {
    EditorPage page = client().editor("viewer", "doc=" + newDocument("docx") + "&mode=edit");
    assertEquals(200, page.response().statusCode());
    assertEquals("view", page.config("editorConfig.mode"));
    assertNull(page.config("editorConfig.callbackUrl"));
    assertEquals(false, page.config("document.permissions.edit"));
  }

  @Test
  void editorAskingForViewModeGetsViewModeWithTheEditButtonOffered() throws Exception {
    EditorPage page = client().editor("editor", "doc=" + newDocument("docx") + "&mode=view");
    assertEquals("view", page.config("editorConfig.mode"));
    assertEquals(true, page.config("document.permissions.edit"));
    assertEquals(true, page.features().get("editRights"));
    assertEquals(
        true,
        client().editor("viewer", "doc=" + newDocumentId(page)).features().get("editRights"),
        "viewers may ask: the connector answers with denyEditingRights");
  }

  @Test
  void configTokenIsTheWholeConfigSignedWithTheSharedSecret() throws Exception {
    EditorPage page = client().editor("editor", "doc=" + newDocument("xlsx"));
    Map<String, Object> config = new java.util.LinkedHashMap<>(page.config());
    String token = (String) config.remove("token");
    Map<String, Object> claims = DemoClient.verify(token, jwtSecret());
    assertEquals(
        DemoClient.parse(DemoClient.json(config)), DemoClient.parse(DemoClient.json(claims)));
    assertEquals("cell", claims.get("documentType"));
    assertThrows(
        IllegalStateException.class,
        () -> DemoClient.verify(token, jwtSecret() + "-but-another-one"));
  }

  @Test
  void keyIsSharedByEveryoneAndStableUntilTheContentChanges() throws Exception {
    String doc = newDocument("docx");
    Object first = client().editor("owner", "doc=" + doc).config("document.key");
    assertEquals(first, client().editor("editor", "doc=" + doc).config("document.key"));
    assertEquals(first, client().editor("viewer", "doc=" + doc).config("document.key"));
    assertTrue(((String) first).matches("[0-9a-zA-Z._=-]{1,128}"), (String) first);
    assertEquals(302, client().upload("owner", doc, "new content.docx", blankDocx()));
    Object second = client().editor("owner", "doc=" + doc).config("document.key");
    assertNotEquals(first, second);
  }

  private byte[] blankDocx() throws Exception {
    return client()
        .send(client().get("owner", "api/editor/" + idOfSample() + "/content"))
        .body()
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private String idOfSample() throws Exception {
    return client().idOf("Project report.docx");
  }

  @Test
  void pageLimitsScriptsFramingAndEscapesTheTitle() throws Exception {
    String name = "Tom & Jerry's notes " + UUID.randomUUID();
    String doc = client().createDocument("owner", name, "docx");
    EditorPage page = client().editor("owner", "doc=" + doc);
    String csp = page.response().headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("script-src 'self' http://127.0.0.1:"), csp);
    assertTrue(csp.contains("frame-ancestors 'self'"), csp);
    assertFalse(csp.contains("'unsafe-eval'") || csp.contains("script-src 'self' 'unsafe-inline'"));
    assertEquals(
        "SAMEORIGIN", page.response().headers().firstValue("X-Frame-Options").orElseThrow());
    for (String tag : page.scriptTags()) {
      assertTrue(tag.contains(" src=\"") || tag.contains("type=\"application/json\""), tag);
    }
    String html = page.response().body();
    assertFalse(html.contains("Tom & Jerry"), "the title reached the page unescaped");
    assertTrue(
        html.contains(
            "<title>" + name.replace("&", "&amp;").replace("'", "&#39;") + ".docx</title>"),
        html);
    assertTrue(html.contains("Tom \\u0026 Jerry"), "the data block escapes & for the script");
    assertEquals(name + ".docx", page.config("document.title"));
  }

  @Test
  void badParametersGetA400PageAndUnknownDocumentsA404() throws Exception {
    assertEquals(400, client().editor("owner", "doc=..%2Fetc").response().statusCode());
    assertEquals(
        400,
        client().editor("owner", "doc=" + idOfSample() + "&mode=admin").response().statusCode());
    assertEquals(
        400, client().editor("owner", "doc=" + idOfSample() + "&type=tv").response().statusCode());
    assertEquals(
        400,
        client()
            .editor("owner", "doc=" + idOfSample() + "&actionLink=%7B%7D")
            .response()
            .statusCode());
    EditorPage missing = client().editor("owner", "doc=no-such-document");
    assertEquals(404, missing.response().statusCode());
    assertTrue(missing.response().body().contains("id=\"error-message\""));
    assertFalse(missing.response().body().contains("Exception"));
  }

  @Test
  void embeddedAndMobilePagesCarryTheirType() throws Exception {
    String doc = newDocument("pptx");
    EditorPage embedded = client().editor("owner", "doc=" + doc + "&type=embedded");
    assertEquals("embedded", embedded.config("type"));
    assertEquals("view", embedded.config("editorConfig.mode"));
    assertTrue(
        ((String) embedded.config("editorConfig.embedded.embedUrl")).endsWith("type=embedded"));
    HttpResponse<String> phone =
        client()
            .send(
                client()
                    .get("owner", "editor?doc=" + doc)
                    .header(
                        "User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148"));
    assertTrue(phone.body().contains("\"type\":\"mobile\""), phone.body());
  }

  @Test
  void actionLinkReopensTheEditorAtTheBookmark() throws Exception {
    EditorPage page =
        client()
            .editor(
                "owner",
                "doc="
                    + newDocument("docx")
                    + "&actionLink=%7B%22action%22%3A%7B%22type%22%3A%22bookmark%22%2C%22data%22%3A%22intro%22%7D%7D");
    assertEquals(
        Map.of("type", "bookmark", "data", "intro"), page.config("editorConfig.actionLink.action"));
  }

  // --- the endpoints' gate -----------------------------------------------------------------

  @Test
  void crossSiteForgedAndForeignTokensAreRefused() throws Exception {
    String doc = newDocument("docx");
    String other = newDocument("docx");
    EditorPage page = client().editor("owner", "doc=" + doc);
    String endpoint = "api/editor/" + doc + "/";
    String rename = "{\"title\":\"Forged\"}";
    assertEquals(
        403,
        client()
            .call("owner", endpoint, page.token(), "http://evil.example", "POST", "rename", rename)
            .statusCode());
    assertEquals(
        403,
        client()
            .call("owner", endpoint, null, client().origin(), "POST", "rename", rename)
            .statusCode());
    assertEquals(
        403,
        client()
            .call(
                "owner", endpoint, page.token() + "x", client().origin(), "POST", "rename", rename)
            .statusCode());
    assertEquals(
        403,
        client()
            .call(
                "owner",
                "api/editor/" + other + "/",
                page.token(),
                client().origin(),
                "POST",
                "rename",
                rename)
            .statusCode(),
        "a page token for another document");
    assertEquals(
        403,
        client()
            .call("editor", endpoint, page.token(), client().origin(), "POST", "rename", rename)
            .statusCode(),
        "another user's page token");
    assertEquals(200, client().call("owner", page, "GET", "history", null).statusCode());
    assertTrue(client().editor("owner", "doc=" + doc).response().body().contains("Editor test"));
  }

  @Test
  void badInputGetsA4xxAndChangesNothing() throws Exception {
    String doc = newDocument("docx");
    EditorPage page = client().editor("owner", "doc=" + doc);
    assertEquals(400, client().call("owner", page, "POST", "rename", "{not json").statusCode());
    assertEquals(
        400, client().call("owner", page, "POST", "rename", "{\"title\":42}").statusCode());
    assertEquals(
        400, client().call("owner", page, "POST", "rename", "{\"title\":\"a/b\"}").statusCode());
    assertEquals(400, client().call("owner", page, "GET", "history/abc", null).statusCode());
    assertEquals(404, client().call("owner", page, "GET", "history/99", null).statusCode());
    assertEquals(
        400, client().call("owner", page, "POST", "restore", "{\"version\":-1}").statusCode());
    assertEquals(
        400, client().call("owner", page, "GET", "pick?kind=passwords", null).statusCode());
    assertEquals(400, client().call("owner", page, "GET", "users?c=everyone", null).statusCode());
    HttpResponse<String> bad = client().call("owner", page, "POST", "favorite", "[]");
    assertEquals(400, bad.statusCode());
    assertTrue(body(bad).get("message") instanceof String);
    assertEquals(
        page.config("document.title"),
        client().editor("owner", "doc=" + doc).config("document.title"));
  }

  // --- each event endpoint -----------------------------------------------------------------

  @Test
  void renameNeedsTheRenameRightAndKeepsTheExtension() throws Exception {
    String doc = newDocument("docx");
    EditorPage viewer = client().editor("viewer", "doc=" + doc);
    assertEquals(
        403,
        client().call("viewer", viewer, "POST", "rename", "{\"title\":\"Mine\"}").statusCode());
    EditorPage editor = client().editor("editor", "doc=" + doc);
    String name = "Renamed " + UUID.randomUUID();
    HttpResponse<String> renamed =
        client().call("editor", editor, "POST", "rename", DemoClient.json(Map.of("title", name)));
    assertEquals(200, renamed.statusCode(), renamed.body());
    assertEquals(name + ".docx", body(renamed).get("title"));
    assertEquals(name + ".docx", client().editor("owner", "doc=" + doc).config("document.title"));
  }

  @Test
  void editRightsAreGrantedToEditorsAndRefusedToViewers() throws Exception {
    String doc = newDocument("docx");
    EditorPage viewer = client().editor("viewer", "doc=" + doc);
    HttpResponse<String> refused = client().call("viewer", viewer, "POST", "edit-rights", "{}");
    assertEquals(403, refused.statusCode());
    assertEquals("editRights.denied", body(refused).get("error"));
    EditorPage editor = client().editor("editor", "doc=" + doc + "&mode=view");
    HttpResponse<String> granted = client().call("editor", editor, "POST", "edit-rights", "{}");
    assertEquals(200, granted.statusCode());
    assertTrue(((String) body(granted).get("url")).endsWith("editor?doc=" + doc + "&mode=edit"));
  }

  @Test
  void sharingIsShownToViewersAndChangedOnlyWithTheShareRight() throws Exception {
    String doc = newDocument("docx");
    EditorPage viewer = client().editor("viewer", "doc=" + doc);
    HttpResponse<String> shown = client().call("viewer", viewer, "GET", "sharing", null);
    assertEquals(200, shown.statusCode());
    assertEquals(false, body(shown).get("changeable"));
    String change =
        DemoClient.json(
            Map.of(
                "entries",
                List.of(
                    Map.of(
                        "principal", "viewer", "displayName", "Victor Viewer", "level", "edit"))));
    assertEquals(403, client().call("viewer", viewer, "PUT", "sharing", change).statusCode());
    EditorPage editor = client().editor("editor", "doc=" + doc);
    assertEquals(403, client().call("editor", editor, "PUT", "sharing", change).statusCode());
    EditorPage owner = client().editor("owner", "doc=" + doc);
    HttpResponse<String> changed = client().call("owner", owner, "PUT", "sharing", change);
    assertEquals(200, changed.statusCode(), changed.body());
    assertEquals(
        List.of(Map.of("user", "Victor Viewer", "permissions", "Edit")),
        body(changed).get("sharingSettings"));
    assertEquals(
        List.of(Map.of("user", "Victor Viewer", "permissions", "Edit")),
        client().editor("viewer", "doc=" + doc).config("document.info.sharingSettings"));
  }

  @Test
  void historyListsVersionsWithSignedDataAndRestoreNeedsTheEditRight() throws Exception {
    String doc = newDocument("docx");
    assertEquals(302, client().upload("owner", doc, "second.docx", blankDocx()));
    EditorPage owner = client().editor("owner", "doc=" + doc);
    Map<String, Object> history = body(client().call("owner", owner, "GET", "history", null));
    assertEquals(2, ((Number) history.get("currentVersion")).intValue());
    assertEquals(2, ((List<?>) history.get("history")).size());
    Map<String, Object> data = body(client().call("owner", owner, "GET", "history/1", null));
    Map<String, Object> claims = DemoClient.verify((String) data.remove("token"), jwtSecret());
    assertEquals(
        DemoClient.parse(DemoClient.json(data)), DemoClient.parse(DemoClient.json(claims)));
    assertTrue(((String) data.get("url")).contains("/download/"));
    EditorPage reviewer = client().editor("reviewer", "doc=" + doc);
    assertEquals(
        403,
        client().call("reviewer", reviewer, "POST", "restore", "{\"version\":1}").statusCode());
    Object keyBefore = owner.config("document.key");
    HttpResponse<String> restored =
        client().call("owner", owner, "POST", "restore", "{\"version\":1}");
    assertEquals(200, restored.statusCode(), restored.body());
    assertEquals(3, ((Number) body(restored).get("currentVersion")).intValue());
    assertNotEquals(keyBefore, client().editor("owner", "doc=" + doc).config("document.key"));
  }

  @Test
  void pickersListOnlyCopyableDocumentsAndSignTheInsertedLink() throws Exception {
    String doc = newDocument("docx");
    String sheet = newDocument("xlsx");
    EditorPage editor = client().editor("editor", "doc=" + doc);
    Map<String, Object> list =
        body(client().call("editor", editor, "GET", "pick?kind=spreadsheet", null));
    assertTrue(String.valueOf(list.get("documents")).contains(sheet), String.valueOf(list));
    HttpResponse<String> picked =
        client()
            .call(
                "editor",
                editor,
                "POST",
                "pick",
                DemoClient.json(Map.of("kind", "spreadsheet", "source", sheet, "c", "mailmerge")));
    assertEquals(200, picked.statusCode(), picked.body());
    Map<String, Object> arg = body(picked);
    Map<String, Object> claims = DemoClient.verify((String) arg.remove("token"), jwtSecret());
    assertEquals("xlsx", claims.get("fileType"));
    assertEquals(arg.get("url"), claims.get("url"));
    assertEquals(
        400,
        client()
            .call(
                "editor",
                editor,
                "POST",
                "pick",
                DemoClient.json(Map.of("kind", "image", "source", sheet, "c", "add")))
            .statusCode(),
        "a spreadsheet is not an image");
    EditorPage commenter = client().editor("commenter", "doc=" + doc);
    assertEquals(
        403,
        client()
            .call(
                "commenter",
                commenter,
                "POST",
                "pick",
                DemoClient.json(Map.of("kind", "spreadsheet", "source", sheet, "c", "mailmerge")))
            .statusCode(),
        "a commenter may not insert content");
  }

  @Test
  void usersForMentionsNeedACommentRightAndNotificationsReachTheHost() throws Exception {
    String doc = newDocument("docx");
    EditorPage viewer = client().editor("viewer", "doc=" + doc);
    assertEquals(403, client().call("viewer", viewer, "GET", "users?c=mention", null).statusCode());
    EditorPage commenter = client().editor("commenter", "doc=" + doc);
    Map<String, Object> users =
        body(client().call("commenter", commenter, "GET", "users?c=mention", null));
    assertTrue(String.valueOf(users.get("users")).contains("editor@demo.officebridge.invalid"));
    assertEquals(
        403, client().call("viewer", viewer, "POST", "notify", "{\"emails\":[]}").statusCode());
    HttpResponse<String> notified =
        client()
            .call(
                "commenter",
                commenter,
                "POST",
                "notify",
                DemoClient.json(
                    Map.of(
                        "emails", List.of("editor@demo.officebridge.invalid"),
                        "message", "@Eddie please look",
                        "actionLink", Map.of("action", Map.of("type", "comment", "data", "c1")))));
    assertEquals(200, notified.statusCode(), notified.body());
    assertEquals(1, ((Number) body(notified).get("notified")).intValue());
    String mentions = client().send(client().get("owner", "demo/mentions")).body();
    assertTrue(mentions.contains("doc=" + doc + " author=commenter to=editor"), mentions);
  }

  @Test
  void favouritesAreStoredPerUser() throws Exception {
    String doc = newDocument("docx");
    EditorPage reviewer = client().editor("reviewer", "doc=" + doc);
    assertEquals(false, reviewer.config("document.info.favorite"));
    HttpResponse<String> set =
        client().call("reviewer", reviewer, "POST", "favorite", "{\"favorite\":true}");
    assertEquals(Map.of("favorite", true), DemoClient.parse(set.body()));
    assertEquals(true, client().editor("reviewer", "doc=" + doc).config("document.info.favorite"));
    assertEquals(false, client().editor("editor", "doc=" + doc).config("document.info.favorite"));
  }

  @Test
  void saveAsNeedsTheDownloadRightAndFetchesOnlyFromTheDocumentServer() throws Exception {
    String doc = newDocument("docx");
    String copy =
        DemoClient.json(
            Map.of("url", "http://192.0.2.1/file.docx", "fileType", "docx", "title", "Copy.docx"));
    EditorPage viewer = client().editor("viewer", "doc=" + doc);
    assertEquals(403, client().call("viewer", viewer, "POST", "save-as", copy).statusCode());
    EditorPage editor = client().editor("editor", "doc=" + doc);
    assertEquals(400, client().call("editor", editor, "POST", "save-as", copy).statusCode());
  }

  @Test
  void contentDownloadNeedsTheDownloadRight() throws Exception {
    String doc = newDocument("docx");
    assertEquals(
        403, client().send(client().get("viewer", "api/editor/" + doc + "/content")).statusCode());
    HttpResponse<String> file =
        client().send(client().get("filler", "api/editor/" + doc + "/content"));
    assertEquals(200, file.statusCode());
    assertTrue(file.body().startsWith("PK"));
    assertTrue(
        file.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment"));
  }

  @Test
  void hostCustomizerAndUserLocaleShapeTheEditor() throws Exception {
    String doc = newDocument("docx");
    EditorPage owner = client().editor("owner", "doc=" + doc);
    assertEquals("officebridge demo DMS", owner.config("editorConfig.customization.customer.name"));
    assertNull(owner.config("editorConfig.customization.uiTheme"));
    assertEquals("en", owner.config("editorConfig.lang"));
    EditorPage viewer = client().editor("viewer", "doc=" + doc);
    assertEquals("theme-dark", viewer.config("editorConfig.customization.uiTheme"));
    assertEquals("ru-RU", viewer.config("editorConfig.region"));
    EditorPage reviewer = client().editor("reviewer", "doc=" + doc);
    assertEquals("de", reviewer.config("editorConfig.lang"));
    assertEquals("de-DE", reviewer.config("editorConfig.region"));
    assertTrue(reviewer.response().body().contains("<html lang=\"de\">"));
    assertEquals(
        "Sie dürfen dieses Dokument nur ansehen.",
        ((Map<?, ?>) reviewer.data().get("messages")).get("editRights.denied"));
  }

  @Test
  void refreshedConfigIsSignedAndReferenceDataFindsTheSource() throws Exception {
    String doc = newDocument("xlsx");
    String source = newDocument("xlsx");
    EditorPage editor = client().editor("editor", "doc=" + doc);
    Map<String, Object> config =
        body(client().call("editor", editor, "GET", "config?type=desktop", null));
    assertEquals(editor.config("document.key"), at(config, "document.key"));
    DemoClient.verify((String) config.get("token"), jwtSecret());
    HttpResponse<String> ref =
        client()
            .call(
                "editor",
                editor,
                "POST",
                "reference-data",
                DemoClient.json(
                    Map.of(
                        "referenceData",
                        Map.of(
                            "fileKey",
                            source,
                            "instanceId",
                            at(editor.config(), "document.referenceData.instanceId")),
                        "path",
                        "whatever.xlsx")));
    assertEquals(200, ref.statusCode(), ref.body());
    assertEquals(source, at(body(ref), "referenceData.fileKey"));
  }

  @Test
  void newDocumentsAreCreatedOnlyThroughTheFormWithItsToken() throws Exception {
    HttpResponse<String> form =
        client().send(client().get("editor", "new?type=docx&template=letter"));
    assertEquals(200, form.statusCode());
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(form.body());
    assertTrue(token.find());
    String title = "From template " + UUID.randomUUID();
    java.net.http.HttpRequest.Builder post =
        client()
            .get("editor", "new")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "type=docx&template=letter&title="
                        + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8)
                        + "&token="
                        + token.group(1)));
    HttpResponse<String> created = client().send(post);
    assertEquals(302, created.statusCode(), created.body());
    assertTrue(created.headers().firstValue("Location").orElseThrow().contains("editor?doc="));
    assertTrue(client().send(client().get("owner", "")).body().contains(title + ".docx"));
    HttpResponse<String> forged =
        client()
            .send(
                client()
                    .get("editor", "new")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "type=docx&title=Forged&token=x.y")));
    assertEquals(403, forged.statusCode());
  }

  // --- with the Document Server (the stand-in) ------------------------------------------------

  @Test
  void documentServerAcceptsTheSignedConfigDownloadsTheDocumentAndCallsBack() throws Exception {
    EditorPage page = client().editor("editor", "doc=" + newDocument("docx"));
    OpenOutcome opened = documentServer().openEditor(page.config());
    assertTrue(opened.opened(), String.valueOf(opened.describe()));
    String key = (String) page.config("document.key");
    documentServer().leave(key, "editor");
    CallbackRecord closed =
        documentServer()
            .callbacks()
            .await(r -> r.key().equals(key) && r.status() == 4, java.time.Duration.ofSeconds(20))
            .orElseThrow(() -> new AssertionError("no status 4 for " + key));
    assertTrue(closed.accepted(), closed.answer());
  }

  @Test
  void documentServerOpensReviewersCommentersAndFillersAsEditorsOfTheirKind() throws Exception {
    String doc = newDocument("docx");
    Map<String, String> scopes =
        Map.of(
            "editor", "full", "reviewer", "review", "commenter", "comment", "filler", "fillForms");
    String key = null;
    for (Map.Entry<String, String> user : scopes.entrySet()) {
      EditorPage page = client().editor(user.getKey(), "doc=" + doc);
      OpenOutcome opened = documentServer().openEditor(page.config());
      assertTrue(opened.opened(), String.valueOf(opened.describe()));
      assertEquals("edit", opened.describe().get("mode"), user.getKey());
      assertEquals(user.getValue(), opened.describe().get("scope"), user.getKey());
      key = (String) page.config("document.key");
    }
    String sessionKey = key;
    assertEquals(
        scopes.keySet(),
        Set.copyOf(documentServer().session(sessionKey).orElseThrow().editors()),
        "every one of them counts in users");
    String line = documentServer().edit(sessionKey, "reviewer");
    for (String user : scopes.keySet()) {
      documentServer().leave(sessionKey, user);
    }
    CallbackRecord saved =
        documentServer()
            .callbacks()
            .await(
                r -> r.key().equals(sessionKey) && r.status() == 2,
                java.time.Duration.ofSeconds(30))
            .orElseThrow(() -> new AssertionError("no status 2 for " + sessionKey));
    assertTrue(saved.accepted(), saved.answer());
    assertEquals(List.of("reviewer"), saved.body().get("users"), "the reviewer changed it last");
    assertTrue(line.startsWith("Suggested a tracked change"), line);
  }

  @Test
  void documentServerRefusesAConfigWhoseSignedValuesWereChanged() throws Exception {
    EditorPage page = client().editor("viewer", "doc=" + newDocument("docx"));
    Map<String, Object> forged = new java.util.LinkedHashMap<>(page.config());
    forged.put(
        "token", ((String) forged.get("token")).replaceAll(".$", "A").replaceAll("..$", "xx"));
    assertFalse(documentServer().openEditor(forged).opened());
  }

  @Test
  void legacyDocumentBecomesOoxmlWhenAnEditorAsksToEditAndOnlyThen() throws Exception {
    String name = "Memo " + UUID.randomUUID() + ".doc";
    byte[] rtf =
        "{\\rtf1\\ansi A legacy memo.\\par}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertEquals(302, client().upload("owner", null, name, rtf));
    String doc = client().idOf(name);
    EditorPage reviewer = client().editor("reviewer", "doc=" + doc);
    assertEquals("view", reviewer.config("editorConfig.mode"));
    assertEquals(
        403, client().call("reviewer", reviewer, "POST", "edit-rights", "{}").statusCode());
    assertEquals(name, client().editor("owner", "doc=" + doc).config("document.title"));
    EditorPage owner = client().editor("owner", "doc=" + doc);
    assertEquals("view", owner.config("editorConfig.mode"));
    assertEquals(true, owner.config("document.permissions.edit"));
    HttpResponse<String> granted = client().call("owner", owner, "POST", "edit-rights", "{}");
    assertEquals(200, granted.statusCode(), granted.body());
    assertEquals(doc, body(granted).get("doc"));
    EditorPage converted = client().editor("owner", "doc=" + doc + "&mode=edit");
    assertEquals(name.replace(".doc", ".docx"), converted.config("document.title"));
    assertEquals("edit", converted.config("editorConfig.mode"));
    assertEquals(
        2,
        ((List<?>) body(client().call("owner", converted, "GET", "history", null)).get("history"))
            .size());
  }

  @Test
  void contentConvertsToAnotherFormatThroughTheConversionApi() throws Exception {
    String doc = newDocument("docx");
    HttpResponse<String> pdf =
        client().send(client().get("filler", "api/editor/" + doc + "/content?format=pdf"));
    assertEquals(200, pdf.statusCode(), pdf.body());
    assertTrue(pdf.body().startsWith("%PDF"));
    assertTrue(pdf.headers().firstValue("Content-Disposition").orElseThrow().contains(".pdf"));
  }

  @Test
  void renameReachesOpenEditorsThroughTheMetaCommand() throws Exception {
    String doc = newDocument("docx");
    EditorPage page = client().editor("editor", "doc=" + doc);
    assertTrue(documentServer().openEditor(page.config()).opened());
    String key = (String) page.config("document.key");
    documentServer()
        .callbacks()
        .await(r -> r.key().equals(key) && r.status() == 1, java.time.Duration.ofSeconds(20));
    String name = "Meta " + UUID.randomUUID();
    assertEquals(
        200,
        client()
            .call("editor", page, "POST", "rename", DemoClient.json(Map.of("title", name)))
            .statusCode());
    assertEquals(name + ".docx", documentServer().session(key).orElseThrow().title());
    documentServer().leave(key, "editor");
  }

  @Test
  void historyOfAnEditedVersionOffersItsChangesWithCorsForTheDocumentServerOnly() throws Exception {
    String doc = newDocument("docx");
    EditorPage page = client().editor("editor", "doc=" + doc);
    assertTrue(documentServer().openEditor(page.config()).opened());
    String key = (String) page.config("document.key");
    documentServer().edit(key, "editor");
    documentServer().leave(key, "editor");
    CallbackRecord saved =
        documentServer()
            .callbacks()
            .await(r -> r.key().equals(key) && r.status() == 2, java.time.Duration.ofSeconds(30))
            .orElseThrow(() -> new AssertionError("no status 2 for " + key));
    assertTrue(saved.accepted(), saved.answer());
    EditorPage owner = client().editor("owner", "doc=" + doc);
    Map<String, Object> history = body(client().call("owner", owner, "GET", "history", null));
    assertEquals(2, ((Number) history.get("currentVersion")).intValue());
    Map<String, Object> version2 = body(client().call("owner", owner, "GET", "history/2", null));
    assertNotEquals(
        key,
        at(version2, "previous.key"),
        "the session's key holds the edited content, so it must not name the version before");
    String changesUrl = (String) version2.get("changesUrl");
    assertTrue(changesUrl != null && changesUrl.contains("/history/"), String.valueOf(version2));
    HttpResponse<String> zip =
        client().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(changesUrl)).GET());
    assertEquals(200, zip.statusCode());
    assertTrue(zip.body().startsWith("PK"));
    String dsOrigin = documentServer().baseUrl().toString().replaceAll("/$", "");
    assertEquals(dsOrigin, zip.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
    assertEquals(
        403,
        client()
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(changesUrl + "A")).GET())
            .statusCode());
  }
}
