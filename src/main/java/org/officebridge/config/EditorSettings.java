package org.officebridge.config;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Docs API editor's settings: how the editor page may be embedded, and the deployment-wide
 * defaults of the editor's customization (a host can still change them per request through the
 * SPI's {@code EditorCustomizer}). See {@link SettingKey} names starting with {@code editor.}.
 *
 * @param frameAncestors origins allowed to frame the editor page (CSP {@code frame-ancestors}
 *     sources; {@code 'self'} by default)
 * @param browserUrl the connector's base URL as browsers reach it, if set; otherwise taken from
 *     each request
 * @param locale interface language forced for everybody, if set; otherwise the user's locale
 * @param theme the editor theme id ({@code customization.uiTheme}), if set
 * @param chat whether the chat is on (for users with the chat right)
 * @param comments whether comments are shown
 * @param goback whether "Open file location" leads to the document's folder in the DMS
 * @param close whether the editor shows a Close button
 * @param toolbar toolbar appearance switches
 * @param autosave whether changes are saved automatically in strict co-editing
 * @param forcesave whether the Save button stores a version in the DMS while editing continues
 * @param coEditingMode fast (real time) or strict (paragraph locking)
 * @param coEditingChangeable whether users may switch the co-editing mode
 * @param reviewDisplay how tracked changes are shown when the editor opens
 * @param customer the customer shown in the editor's About box
 * @param recentFiles how many recent files the File menu lists (0: none)
 * @param templates whether "Create new" offers templates
 * @param plugins plugin config.json URLs added to every editor
 * @param legacyConversion what opening a legacy format (doc, xls, ppt ...) for editing does
 */
public record EditorSettings(
    List<String> frameAncestors,
    Optional<URI> browserUrl,
    Optional<Locale> locale,
    Optional<String> theme,
    boolean chat,
    boolean comments,
    boolean goback,
    boolean close,
    Set<Toolbar> toolbar,
    boolean autosave,
    boolean forcesave,
    CoEditingMode coEditingMode,
    boolean coEditingChangeable,
    ReviewDisplay reviewDisplay,
    Customer customer,
    int recentFiles,
    boolean templates,
    List<URI> plugins,
    LegacyConversion legacyConversion) {

  /** Copies the collections. */
  public EditorSettings {
    frameAncestors = List.copyOf(frameAncestors);
    toolbar = Set.copyOf(toolbar);
    plugins = List.copyOf(plugins);
  }

  /** Toolbar switches ({@code editor.toolbar}). */
  public enum Toolbar {
    /** Header merged into the toolbar ({@code customization.compactHeader}). */
    COMPACT_HEADER("compact-header"),
    /** Only the most used tools ({@code customization.compactToolbar}). */
    COMPACT_TOOLBAR("compact-toolbar"),
    /** No file name in the header ({@code customization.toolbarHideFileName}). */
    HIDE_FILE_NAME("hide-file-name"),
    /** No right-hand settings panel ({@code customization.hideRightMenu}). */
    HIDE_RIGHT_MENU("hide-right-menu"),
    /** No rulers ({@code customization.hideRulers}). */
    HIDE_RULERS("hide-rulers");

    private final String text;

    Toolbar(String text) {
      this.text = text;
    }

    /**
     * @return the setting's spelling
     */
    public String text() {
      return text;
    }
  }

  /** {@code editorConfig.coEditing.mode}. */
  public enum CoEditingMode {
    /** Real-time co-editing; autosave is always on. */
    FAST,
    /** Changes are shared when saved; paragraphs being edited are locked. */
    STRICT
  }

  /** {@code customization.review.reviewDisplay}. */
  public enum ReviewDisplay {
    /** Changes highlighted, balloons on click. */
    MARKUP,
    /** Changes applied. */
    FINAL,
    /** Changes rejected. */
    ORIGINAL,
    /** Changes highlighted, balloons on hover. */
    SIMPLE
  }

  /** What opening a legacy document (doc, xls, ppt ...) for editing does. */
  public enum LegacyConversion {
    /** Open it for viewing only. */
    OFF("off"),
    /** Convert it to OOXML and store the result as a new version of the same document. */
    NEW_VERSION("new-version"),
    /** Convert it to OOXML and store the result as a new document beside it. */
    NEW_FILE("new-file");

    private final String text;

    LegacyConversion(String text) {
      this.text = text;
    }

    /**
     * @return the setting's spelling
     */
    public String text() {
      return text;
    }
  }

  /**
   * The customer in the editor's About box ({@code customization.customer}, available with the
   * standard licence).
   *
   * @param name the company or person
   * @param info any text
   * @param www a web address
   * @param mail an e-mail address
   * @param logo a logo image URL (432x70)
   */
  public record Customer(
      Optional<String> name,
      Optional<String> info,
      Optional<String> www,
      Optional<String> mail,
      Optional<URI> logo) {

    /**
     * @return whether any part is set
     */
    public boolean isSet() {
      return name.isPresent()
          || info.isPresent()
          || www.isPresent()
          || mail.isPresent()
          || logo.isPresent();
    }
  }
}
