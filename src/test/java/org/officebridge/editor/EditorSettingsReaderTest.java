package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.officebridge.config.EditorSettings;
import org.officebridge.config.InvalidSettingsException;

class EditorSettingsReaderTest {

  @Test
  void defaultsAllowSameOriginFramingAndFastCoEditing() throws Exception {
    EditorSettings e = EditorTestFixtures.settings(Map.of()).editor();
    assertEquals(List.of("'self'"), e.frameAncestors());
    assertEquals(EditorSettings.CoEditingMode.FAST, e.coEditingMode());
    assertEquals(EditorSettings.LegacyConversion.NEW_VERSION, e.legacyConversion());
    assertEquals(10, e.recentFiles());
    assertTrue(e.chat() && e.autosave() && e.templates());
    assertEquals(Optional.empty(), e.theme());
  }

  @Test
  void everyCustomizationSettingIsRead() throws Exception {
    EditorSettings e =
        EditorTestFixtures.settings(
                Map.ofEntries(
                    Map.entry(
                        "officebridge.editor.frame-ancestors", "'self' https://portal.example"),
                    Map.entry("officebridge.editor.theme", "theme-dark"),
                    Map.entry("officebridge.editor.chat", "false"),
                    Map.entry("officebridge.editor.toolbar", "compact-header, hide-rulers"),
                    Map.entry("officebridge.editor.co-editing", "strict"),
                    Map.entry("officebridge.editor.review-display", "final"),
                    Map.entry("officebridge.editor.customer-name", "ACME"),
                    Map.entry("officebridge.editor.recent-files", "0"),
                    Map.entry(
                        "officebridge.editor.plugins", "https://plugins.example/a/config.json"),
                    Map.entry("officebridge.editor.legacy-conversion", "new-file"),
                    Map.entry("officebridge.editor.locale", "fr-CA")))
            .editor();
    assertEquals(List.of("'self'", "https://portal.example"), e.frameAncestors());
    assertEquals(Optional.of("theme-dark"), e.theme());
    assertEquals(false, e.chat());
    assertEquals(
        java.util.Set.of(EditorSettings.Toolbar.COMPACT_HEADER, EditorSettings.Toolbar.HIDE_RULERS),
        e.toolbar());
    assertEquals(EditorSettings.CoEditingMode.STRICT, e.coEditingMode());
    assertEquals(EditorSettings.ReviewDisplay.FINAL, e.reviewDisplay());
    assertEquals(Optional.of("ACME"), e.customer().name());
    assertEquals(0, e.recentFiles());
    assertEquals(1, e.plugins().size());
    assertEquals(EditorSettings.LegacyConversion.NEW_FILE, e.legacyConversion());
    assertEquals("fr-CA", e.locale().orElseThrow().toLanguageTag());
  }

  @Test
  void badValuesFailTheDeploymentNamingEachSetting() {
    InvalidSettingsException e =
        assertThrows(
            InvalidSettingsException.class,
            () ->
                EditorTestFixtures.settings(
                    Map.of(
                        "officebridge.editor.frame-ancestors", "* javascript:alert(1)",
                        "officebridge.editor.theme", "<script>",
                        "officebridge.editor.toolbar", "hide-everything",
                        "officebridge.editor.co-editing", "eventual",
                        "officebridge.editor.recent-files", "500",
                        "officebridge.editor.plugins", "ftp://x/config.json",
                        "officebridge.editor.legacy-conversion", "always")));
    String all = String.join("\n", e.problems());
    for (String name :
        new String[] {
          "editor.frame-ancestors",
          "editor.theme",
          "editor.toolbar",
          "editor.co-editing",
          "editor.recent-files",
          "editor.plugins",
          "editor.legacy-conversion"
        }) {
      assertTrue(all.contains("officebridge." + name), name + " not reported in\n" + all);
    }
  }
}
