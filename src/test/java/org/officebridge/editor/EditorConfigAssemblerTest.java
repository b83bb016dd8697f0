package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officebridge.config.Settings;
import org.officebridge.formats.DocumentFormats;
import org.officebridge.security.InvalidTokenException;
import org.officebridge.security.JwtService;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.EditorContext;
import org.officebridge.spi.Permission;

class EditorConfigAssemblerTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"owner", "editor", "reviewer", "commenter", "filler", "viewer"})
  void permissionsOfEachDemoRoleFollowItsRights(String role) throws Exception {
    Map<String, Object> config =
        EditorTestFixtures.assembler(EditorTestFixtures.settings(Map.of()))
            .config(
                EditorTestFixtures.page("Report.docx", role, true, EditorContext.Platform.DESKTOP));
    Map<String, Object> p = map(map(config, "document"), "permissions");
    var rights = EditorTestFixtures.DEMO_ROLES.get(role);
    assertEquals(rights.contains(Permission.EDIT), p.get("edit"), "edit");
    assertEquals(rights.contains(Permission.REVIEW), p.get("review"), "review");
    assertEquals(rights.contains(Permission.COMMENT), p.get("comment"), "comment");
    assertEquals(
        rights.contains(Permission.FILL_FORMS) || rights.contains(Permission.EDIT),
        p.get("fillForms"),
        "fillForms");
    assertEquals(
        rights.contains(Permission.MODIFY_CONTENT_CONTROL),
        p.get("modifyContentControl"),
        "modifyContentControl");
    assertEquals(rights.contains(Permission.MODIFY_FILTER), p.get("modifyFilter"));
    assertEquals(rights.contains(Permission.COPY), p.get("copy"));
    assertEquals(rights.contains(Permission.DOWNLOAD), p.get("download"));
    assertEquals(rights.contains(Permission.PRINT), p.get("print"));
    assertEquals(rights.contains(Permission.RENAME), p.get("rename"));
    assertEquals(rights.contains(Permission.CHAT), p.get("chat"));
    assertEquals(rights.contains(Permission.PROTECT), p.get("protect"));
  }

  @Test
  void viewerMayNotOpenForEditingButEveryEditingRoleMay() {
    var docx = DocumentFormats.of("docx").orElseThrow();
    for (var e : EditorTestFixtures.DEMO_ROLES.entrySet()) {
      boolean expected = !e.getKey().equals("viewer");
      assertEquals(
          expected,
          EditorPermissions.mayOpenForEditing(
              new AccessRights(e.getValue(), AccessRights.GroupRestrictions.NONE), docx),
          e.getKey());
    }
  }

  @Test
  void viewOnlyFormatsNeverOpenForEditingWhateverTheRights() {
    AccessRights all =
        new AccessRights(
            EditorTestFixtures.DEMO_ROLES.get("owner"), AccessRights.GroupRestrictions.NONE);
    assertFalse(EditorPermissions.mayOpenForEditing(all, DocumentFormats.of("doc").orElseThrow()));
    assertFalse(EditorPermissions.mayOpenForEditing(all, DocumentFormats.of("vsdx").orElseThrow()));
  }

  @Test
  void legacyDocumentOffersEditOnlyWhenConversionIsOn() throws Exception {
    EditorPage page =
        EditorTestFixtures.page("Memo.doc", "owner", false, EditorContext.Platform.DESKTOP);
    Map<String, Object> on =
        EditorTestFixtures.assembler(EditorTestFixtures.settings(Map.of())).config(page);
    assertEquals(true, map(map(on, "document"), "permissions").get("edit"));
    assertEquals(false, map(map(on, "document"), "permissions").get("review"));
    Map<String, Object> off =
        EditorTestFixtures.assembler(
                EditorTestFixtures.settings(Map.of("officebridge.editor.legacy-conversion", "off")))
            .config(page);
    assertEquals(false, map(map(off, "document"), "permissions").get("edit"));
  }

  @Test
  void groupRestrictionsBecomeCommentReviewAndUserInfoGroups() {
    AccessRights rights =
        new AccessRights(
            EditorTestFixtures.DEMO_ROLES.get("reviewer"),
            new AccessRights.GroupRestrictions(
                java.util.Optional.of(List.of("staff")),
                java.util.Optional.empty(),
                java.util.Optional.of(List.of()),
                java.util.Optional.of(List.of("staff", "reviewers")),
                java.util.Optional.empty()));
    Map<String, Object> p =
        EditorPermissions.of(rights, DocumentFormats.of("docx").orElseThrow(), true, true);
    assertEquals(Map.of("view", List.of("staff"), "remove", List.of("")), p.get("commentGroups"));
    assertEquals(List.of("staff", "reviewers"), p.get("reviewGroups"));
    assertFalse(p.containsKey("userInfoGroups"));
  }

  @Test
  void chatIsOffWhenTheDeploymentTurnsItOffEvenWithTheRight() {
    AccessRights owner =
        new AccessRights(
            EditorTestFixtures.DEMO_ROLES.get("owner"), AccessRights.GroupRestrictions.NONE);
    assertEquals(
        false,
        EditorPermissions.of(owner, DocumentFormats.of("docx").orElseThrow(), false, true)
            .get("chat"));
  }

  @Test
  void editModeCarriesTheCallbackUrlAndViewModeDoesNot() throws Exception {
    EditorConfigAssembler assembler =
        EditorTestFixtures.assembler(EditorTestFixtures.settings(Map.of()));
    Map<String, Object> edit =
        map(
            assembler.config(
                EditorTestFixtures.page(
                    "Report.docx", "editor", true, EditorContext.Platform.DESKTOP)),
            "editorConfig");
    assertEquals("edit", edit.get("mode"));
    assertTrue(((String) edit.get("callbackUrl")).startsWith("http://127.0.0.1:8080/ob/callback/"));
    Map<String, Object> view =
        map(
            assembler.config(
                EditorTestFixtures.page(
                    "Report.docx", "viewer", false, EditorContext.Platform.DESKTOP)),
            "editorConfig");
    assertEquals("view", view.get("mode"));
    assertFalse(view.containsKey("callbackUrl"));
  }

  @Test
  void documentPartNamesKeyTypeDownloadLinkAndLanguage() throws Exception {
    Map<String, Object> config =
        EditorTestFixtures.assembler(EditorTestFixtures.settings(Map.of()))
            .config(
                EditorTestFixtures.page(
                    "Budget.xlsx", "owner", true, EditorContext.Platform.DESKTOP));
    assertEquals("cell", config.get("documentType"));
    assertEquals("desktop", config.get("type"));
    Map<String, Object> d = map(config, "document");
    assertEquals("xlsx", d.get("fileType"));
    assertEquals("unit-doc1-3", d.get("key"));
    assertEquals("Budget.xlsx", d.get("title"));
    assertTrue(((String) d.get("url")).startsWith("http://127.0.0.1:8080/ob/download/"));
    assertEquals("Olivia Owner", map(d, "info").get("owner"));
    assertEquals(false, map(d, "info").get("favorite"));
    Map<String, Object> e = map(config, "editorConfig");
    assertEquals("de", e.get("lang"));
    assertEquals("de-DE", e.get("region"));
    assertEquals("https://dms.example/ob/new?type=xlsx", e.get("createUrl"));
    assertEquals(Map.of("id", "owner", "name", "User owner", "group", "staff"), e.get("user"));
    Map<String, Object> c = map(e, "customization");
    assertEquals(Map.of("url", "https://dms.example/ob/", "blank", false), c.get("goback"));
    assertEquals(Map.of("visible", true), c.get("close"));
  }

  @Test
  void embeddedConfigHasItsLinksAndTheSaveLinkOnlyWithDownloadRight() throws Exception {
    EditorConfigAssembler assembler =
        EditorTestFixtures.assembler(EditorTestFixtures.settings(Map.of()));
    Map<String, Object> owner =
        map(
            assembler.config(
                EditorTestFixtures.page(
                    "Report.docx", "owner", false, EditorContext.Platform.EMBEDDED)),
            "editorConfig");
    Map<String, Object> embedded = map(owner, "embedded");
    assertEquals("https://dms.example/ob/editor?doc=doc1&type=embedded", embedded.get("embedUrl"));
    assertEquals("https://dms.example/ob/editor?doc=doc1&mode=view", embedded.get("fullscreenUrl"));
    assertEquals("https://dms.example/ob/api/editor/doc1/content", embedded.get("saveUrl"));
    Map<String, Object> viewer =
        map(
            map(
                assembler.config(
                    EditorTestFixtures.page(
                        "Report.docx", "viewer", false, EditorContext.Platform.EMBEDDED)),
                "editorConfig"),
            "embedded");
    assertFalse(viewer.containsKey("saveUrl"));
  }

  @Test
  void tokenSignsTheWholeConfigWithTheSharedSecret() throws Exception {
    Settings settings = EditorTestFixtures.settings(Map.of());
    Map<String, Object> signed =
        EditorTestFixtures.assembler(settings)
            .signedConfig(
                EditorTestFixtures.page(
                    "Report.docx", "editor", true, EditorContext.Platform.MOBILE));
    String token = (String) signed.get("token");
    Map<String, Object> claims = new JwtService(settings, EditorTestFixtures.CLOCK).verify(token);
    claims.remove("iat");
    claims.remove("exp");
    Map<String, Object> unsigned = new LinkedHashMap<>(signed);
    unsigned.remove("token");
    assertEquals(
        EditorJson.read(EditorJson.write(unsigned)), EditorJson.read(EditorJson.write(claims)));
    assertEquals("mobile", claims.get("type"));
  }

  @Test
  void tokenDoesNotVerifyWithAnotherSecret() throws Exception {
    Map<String, Object> signed =
        EditorTestFixtures.assembler(EditorTestFixtures.settings(Map.of()))
            .signedConfig(
                EditorTestFixtures.page(
                    "Report.docx", "editor", true, EditorContext.Platform.DESKTOP));
    Settings other =
        EditorTestFixtures.settings(
            Map.of("officebridge.jwt.secret", "another-secret-0123456789abcdef-0123456789"));
    assertThrows(
        InvalidTokenException.class,
        () -> new JwtService(other, EditorTestFixtures.CLOCK).verify((String) signed.get("token")));
  }

  @Test
  void differentUsersGetTheSameKeyButTheirOwnIdentity() throws Exception {
    EditorConfigAssembler assembler =
        EditorTestFixtures.assembler(EditorTestFixtures.settings(Map.of()));
    Map<String, Object> a =
        assembler.config(
            EditorTestFixtures.page("Report.docx", "owner", true, EditorContext.Platform.DESKTOP));
    Map<String, Object> b =
        assembler.config(
            EditorTestFixtures.page("Report.docx", "editor", true, EditorContext.Platform.DESKTOP));
    assertEquals(map(a, "document").get("key"), map(b, "document").get("key"));
    assertNotEquals(map(map(a, "editorConfig"), "user"), map(map(b, "editorConfig"), "user"));
  }
}
