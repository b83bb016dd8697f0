package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.officebridge.config.ProofKeyMode;
import org.officebridge.config.Settings;
import org.officebridge.security.WopiAccessToken;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

class CheckFileInfoAssemblerTest {

  private static final DocumentId DOC = new DocumentId("d1");
  private static final URI PAGE = URI.create("https://dms.example.com:8443/ob");
  private static final Settings.Wopi WOPI =
      new Settings.Wopi(
          true,
          Duration.ofHours(1),
          ProofKeyMode.REQUIRED,
          Duration.ofHours(10),
          Optional.of("Example DMS"),
          Optional.of(URI.create("https://dms.example.com/")));
  private static final CheckFileInfoAssembler.Capabilities ALL =
      new CheckFileInfoAssembler.Capabilities(true, true, true, true, true);

  private static Map<String, Object> properties(Permission... rights) {
    EnumSet<Permission> granted = EnumSet.of(Permission.VIEW, rights);
    WopiCall call =
        new WopiCall(
            new WopiFileId("it", DOC),
            User.of("u1", "Ursula", Locale.ENGLISH),
            new AccessRights(granted, AccessRights.GroupRestrictions.NONE),
            new WopiAccessToken(DOC, "u1", granted, Instant.MAX, PAGE));
    DocumentInfo info =
        new DocumentInfo(
            DOC,
            "Plan.xlsx",
            42,
            "v7",
            Instant.parse("2026-11-27T12:00:00.5Z"),
            "owner-1",
            Optional.of(new DocumentInfo.Folder("Projects", URI.create("folders/7"))));
    return CheckFileInfoAssembler.properties(call, info, ALL, Optional.of("prefs"), WOPI);
  }

  @Test
  void describesTheFileAndTheUser() {
    Map<String, Object> p = properties(Permission.EDIT);
    assertEquals("Plan.xlsx", p.get("BaseFileName"));
    assertEquals(".xlsx", p.get("FileExtension"));
    assertEquals(42L, p.get("Size"));
    assertEquals("v7", p.get("Version"));
    assertEquals("owner-1", p.get("OwnerId"));
    assertEquals("u1", p.get("UserId"));
    assertEquals("Ursula", p.get("UserFriendlyName"));
    assertEquals("prefs", p.get("UserInfo"));
    assertEquals("2026-11-27T12:00:00.5000000Z", p.get("LastModifiedTime"));
    assertEquals(250, p.get("FileNameMaxLength"));
  }

  @Test
  void linksUseTheBrowsersBaseUrlAndItsOrigin() {
    Map<String, Object> p = properties(Permission.EDIT);
    assertEquals("https://dms.example.com:8443", p.get("PostMessageOrigin"));
    assertEquals("https://dms.example.com:8443/ob/folders/7", p.get("BreadcrumbFolderUrl"));
    assertEquals("https://dms.example.com:8443/ob/folders/7", p.get("CloseUrl"));
    assertEquals("Projects", p.get("BreadcrumbFolderName"));
    assertEquals(
        "https://dms.example.com:8443/ob/wopi-host?doc=d1&action=edit", p.get("HostEditUrl"));
    assertEquals("Example DMS", p.get("BreadcrumbBrandName"));
    assertEquals("https://dms.example.com/", p.get("BreadcrumbBrandUrl"));
    assertFalse(p.containsKey("FileUrl"));
  }

  @Test
  void rightsBecomeWopiPermissions() {
    Map<String, Object> viewer = properties();
    assertEquals(true, viewer.get("ReadOnly"));
    assertEquals(false, viewer.get("UserCanWrite"));
    assertEquals(true, viewer.get("UserCanNotWriteRelative"));
    assertEquals(true, viewer.get("HidePrintOption"));
    assertEquals(true, viewer.get("DisableExport"));
    assertEquals("BlockAll", viewer.get("CopyPasteRestrictions"));

    Map<String, Object> reviewer = properties(Permission.REVIEW, Permission.DOWNLOAD);
    assertEquals(false, reviewer.get("ReadOnly"));
    assertEquals(true, reviewer.get("UserCanReview"));
    assertEquals(false, reviewer.get("UserCanOnlyComment"));
    assertEquals(false, reviewer.get("UserCanNotWriteRelative"));

    Map<String, Object> commenter = properties(Permission.COMMENT);
    assertEquals(true, commenter.get("UserCanOnlyComment"));
    assertEquals(false, commenter.get("ReadOnly"));

    Map<String, Object> editor = properties(Permission.EDIT, Permission.PRINT, Permission.COPY);
    assertEquals(true, editor.get("UserCanWrite"));
    assertEquals(false, editor.get("HidePrintOption"));
    assertFalse(editor.containsKey("CopyPasteRestrictions"));
  }

  @Test
  void capabilitiesComeFromTheHost() {
    Map<String, Object> p = properties(Permission.EDIT);
    for (String flag :
        Set.of(
            "SupportsLocks",
            "SupportsGetLock",
            "SupportsExtendedLockLength",
            "SupportsUpdate",
            "SupportsRename",
            "SupportsDeleteFile",
            "SupportsUserInfo",
            "ClosePostMessage",
            "EditModePostMessage",
            "FileVersionPostMessage",
            "FileSharingPostMessage",
            "EnableInsertRemoteImage")) {
      assertEquals(true, p.get(flag), flag);
    }
    assertEquals(false, p.get("SupportsContainers"));
  }
}
