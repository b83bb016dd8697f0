package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.officebridge.documentserver.WopiAction;
import org.officebridge.documentserver.WopiDiscovery;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.Permission;

class WopiActionChoiceTest {

  private static final AccessRights EDITOR = AccessRights.of(Permission.EDIT, Permission.CHAT);
  private static final AccessRights VIEWER = AccessRights.of(Permission.VIEW);
  private static final AccessRights COMMENTER = AccessRights.of(Permission.COMMENT);

  private static WopiDiscovery discovery() {
    Map<String, Map<String, WopiAction>> all = new HashMap<>();
    Map<String, WopiAction> docx = new LinkedHashMap<>();
    for (String name :
        new String[] {"view", "embedview", "mobileView", "edit", "mobileEdit", "editnew"}) {
      docx.put(name.toLowerCase(), action(name, "docx"));
    }
    all.put("docx", docx);
    Map<String, WopiAction> doc = new LinkedHashMap<>();
    doc.put("view", action("view", "doc"));
    doc.put("convert", action("convert", "doc"));
    all.put("doc", doc);
    return new WopiDiscovery(all, Optional.empty());
  }

  private static WopiAction action(String name, String ext) {
    return new WopiAction(
        "Word",
        name,
        ext,
        "https://ds/" + name + "?",
        Set.of(),
        Optional.empty(),
        Optional.empty());
  }

  private static DocumentInfo doc(String ext, long size) {
    return new DocumentInfo(
        new DocumentId("d1"), "Doc." + ext, size, "1", Instant.EPOCH, "o", Optional.empty());
  }

  private static String choose(
      String ext, long size, AccessRights rights, String requested, boolean mobile) {
    return WopiActionChoice.choose(
            discovery(), doc(ext, size), rights, Optional.ofNullable(requested), mobile)
        .orElseThrow()
        .name();
  }

  @Test
  void editorsEditAndViewersViewWhateverTheyAskFor() {
    assertEquals("edit", choose("docx", 10, EDITOR, null, false));
    assertEquals("edit", choose("docx", 10, COMMENTER, "edit", false));
    assertEquals("view", choose("docx", 10, VIEWER, "edit", false));
    assertEquals("view", choose("docx", 10, VIEWER, "editnew", false));
    assertEquals("view", choose("docx", 10, VIEWER, "convert", false));
    assertEquals("view", choose("docx", 10, EDITOR, "view", false));
  }

  @Test
  void mobileDevicesGetTheMobileActions() {
    assertEquals("mobileEdit", choose("docx", 10, EDITOR, null, true));
    assertEquals("mobileView", choose("docx", 10, VIEWER, null, true));
  }

  @Test
  void binaryFormatsOpenInViewAndConvertOnlyWhenEditingIsAskedFor() {
    assertEquals("view", choose("doc", 10, EDITOR, null, false));
    assertEquals("convert", choose("doc", 10, EDITOR, "edit", false));
    assertEquals("view", choose("doc", 10, COMMENTER, "edit", false));
  }

  @Test
  void editNewAppliesToEmptyFilesOnly() {
    assertEquals("editnew", choose("docx", 0, EDITOR, "editnew", false));
    assertEquals("edit", choose("docx", 5, EDITOR, "editnew", false));
  }

  @Test
  void embedViewAndUnknownActions() {
    assertEquals("embedview", choose("docx", 5, VIEWER, "embedview", false));
    assertEquals("view", choose("docx", 5, EDITOR, "no-such-action", false));
    assertTrue(
        WopiActionChoice.choose(discovery(), doc("xyz", 5), EDITOR, Optional.empty(), false)
            .isEmpty());
  }
}
