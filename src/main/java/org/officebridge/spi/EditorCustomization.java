package org.officebridge.spi;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the editor looks and behaves on one page: the editor's {@code customization}, interface
 * language, co-editing mode, plugins and the lists of the "File" menu. Filled by the connector from
 * its settings, then offered to {@link EditorCustomizer}. One instance per editor page; not
 * thread-safe and not to be kept.
 */
public final class EditorCustomization {

  /** Customization keys the connector owns: {@link #set} refuses them. */
  public static final Set<String> RESERVED =
      Set.of(
          "autosave",
          "chat",
          "close",
          "comments",
          "customer",
          "forcesave",
          "goback",
          "review",
          "uiTheme",
          "compactHeader",
          "compactToolbar",
          "toolbarHideFileName",
          "hideRightMenu",
          "hideRulers");

  private Locale locale = Locale.ENGLISH;
  private Optional<String> theme = Optional.empty();
  private boolean chat = true;
  private boolean comments = true;
  private boolean goback = true;
  private boolean close = true;
  private boolean compactHeader;
  private boolean compactToolbar;
  private boolean hideFileName;
  private boolean hideRightMenu;
  private boolean hideRulers;
  private boolean autosave = true;
  private boolean forcesave;
  private boolean strictCoEditing;
  private boolean coEditingChangeable = true;
  private String reviewDisplay = "markup";
  private final Map<String, String> customer = new LinkedHashMap<>();
  private int recentFiles = 10;
  private boolean templates = true;
  private final List<URI> plugins = new ArrayList<>();
  private final Map<String, Object> extra = new LinkedHashMap<>();

  /**
   * @return the interface language and region ({@code editorConfig.lang}/{@code region})
   */
  public Locale locale() {
    return locale;
  }

  /**
   * @param locale the interface language and region
   * @return this
   */
  public EditorCustomization locale(Locale locale) {
    this.locale = Objects.requireNonNull(locale, "locale");
    return this;
  }

  /**
   * @return the theme id ({@code customization.uiTheme}), if one is chosen
   */
  public Optional<String> theme() {
    return theme;
  }

  /**
   * @param theme a theme id such as {@code theme-dark}, or empty for the editor's default
   * @return this
   * @throws IllegalArgumentException when it is not 1-64 characters of a-z 0-9 -
   */
  public EditorCustomization theme(Optional<String> theme) {
    if (theme.isPresent() && !theme.get().matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("a theme id is 1-64 characters of a-z 0-9 -");
    }
    this.theme = theme;
    return this;
  }

  /**
   * @return whether the chat is on (it also needs the user's chat right)
   */
  public boolean chat() {
    return chat;
  }

  /**
   * @param chat whether the chat is on
   * @return this
   */
  public EditorCustomization chat(boolean chat) {
    this.chat = chat;
    return this;
  }

  /**
   * @return whether comments are shown
   */
  public boolean comments() {
    return comments;
  }

  /**
   * @param comments whether comments are shown
   * @return this
   */
  public EditorCustomization comments(boolean comments) {
    this.comments = comments;
    return this;
  }

  /**
   * @return whether "Open file location" is offered (when the document has a folder)
   */
  public boolean goback() {
    return goback;
  }

  /**
   * @param goback whether "Open file location" is offered
   * @return this
   */
  public EditorCustomization goback(boolean goback) {
    this.goback = goback;
    return this;
  }

  /**
   * @return whether the Close button is shown
   */
  public boolean close() {
    return close;
  }

  /**
   * @param close whether the Close button is shown
   * @return this
   */
  public EditorCustomization close(boolean close) {
    this.close = close;
    return this;
  }

  /**
   * @return {@code customization.compactHeader}
   */
  public boolean compactHeader() {
    return compactHeader;
  }

  /**
   * @param on {@code customization.compactHeader}
   * @return this
   */
  public EditorCustomization compactHeader(boolean on) {
    this.compactHeader = on;
    return this;
  }

  /**
   * @return {@code customization.compactToolbar}
   */
  public boolean compactToolbar() {
    return compactToolbar;
  }

  /**
   * @param on {@code customization.compactToolbar}
   * @return this
   */
  public EditorCustomization compactToolbar(boolean on) {
    this.compactToolbar = on;
    return this;
  }

  /**
   * @return {@code customization.toolbarHideFileName}
   */
  public boolean hideFileName() {
    return hideFileName;
  }

  /**
   * @param on {@code customization.toolbarHideFileName}
   * @return this
   */
  public EditorCustomization hideFileName(boolean on) {
    this.hideFileName = on;
    return this;
  }

  /**
   * @return {@code customization.hideRightMenu}
   */
  public boolean hideRightMenu() {
    return hideRightMenu;
  }

  /**
   * @param on {@code customization.hideRightMenu}
   * @return this
   */
  public EditorCustomization hideRightMenu(boolean on) {
    this.hideRightMenu = on;
    return this;
  }

  /**
   * @return {@code customization.hideRulers}
   */
  public boolean hideRulers() {
    return hideRulers;
  }

  /**
   * @param on {@code customization.hideRulers}
   * @return this
   */
  public EditorCustomization hideRulers(boolean on) {
    this.hideRulers = on;
    return this;
  }

  /**
   * @return {@code customization.autosave}
   */
  public boolean autosave() {
    return autosave;
  }

  /**
   * @param on {@code customization.autosave}
   * @return this
   */
  public EditorCustomization autosave(boolean on) {
    this.autosave = on;
    return this;
  }

  /**
   * @return whether the Save button stores a version while editing continues ({@code
   *     customization.forcesave})
   */
  public boolean forcesave() {
    return forcesave;
  }

  /**
   * @param on {@code customization.forcesave}
   * @return this
   */
  public EditorCustomization forcesave(boolean on) {
    this.forcesave = on;
    return this;
  }

  /**
   * @return whether co-editing is strict (paragraph locking) rather than fast
   */
  public boolean strictCoEditing() {
    return strictCoEditing;
  }

  /**
   * @param strict whether co-editing is strict
   * @return this
   */
  public EditorCustomization strictCoEditing(boolean strict) {
    this.strictCoEditing = strict;
    return this;
  }

  /**
   * @return whether users may switch the co-editing mode
   */
  public boolean coEditingChangeable() {
    return coEditingChangeable;
  }

  /**
   * @param changeable whether users may switch the co-editing mode
   * @return this
   */
  public EditorCustomization coEditingChangeable(boolean changeable) {
    this.coEditingChangeable = changeable;
    return this;
  }

  /**
   * @return {@code customization.review.reviewDisplay}: markup, simple, final or original
   */
  public String reviewDisplay() {
    return reviewDisplay;
  }

  /**
   * @param display markup, simple, final or original
   * @return this
   * @throws IllegalArgumentException for another value
   */
  public EditorCustomization reviewDisplay(String display) {
    if (!Set.of("markup", "simple", "final", "original").contains(display)) {
      throw new IllegalArgumentException("review display is markup, simple, final or original");
    }
    this.reviewDisplay = display;
    return this;
  }

  /**
   * @return the About box's customer fields ({@code name, info, www, mail, logo}), changeable
   */
  public Map<String, String> customer() {
    return customer;
  }

  /**
   * @return how many recent files the File menu lists (0: none)
   */
  public int recentFiles() {
    return recentFiles;
  }

  /**
   * @param count 0-50
   * @return this
   * @throws IllegalArgumentException outside 0-50
   */
  public EditorCustomization recentFiles(int count) {
    if (count < 0 || count > 50) {
      throw new IllegalArgumentException("recent files: 0-50");
    }
    this.recentFiles = count;
    return this;
  }

  /**
   * @return whether "Create new" offers templates
   */
  public boolean templates() {
    return templates;
  }

  /**
   * @param on whether "Create new" offers templates
   * @return this
   */
  public EditorCustomization templates(boolean on) {
    this.templates = on;
    return this;
  }

  /**
   * @return plugin config.json URLs ({@code editorConfig.plugins.pluginsData}), changeable
   */
  public List<URI> plugins() {
    return plugins;
  }

  /**
   * Sets any other {@code customization} field, for example {@code logo} or {@code features} where
   * the Document Server's licence allows it.
   *
   * @param key a customization field not in {@link #RESERVED}
   * @param value a JSON value: String, Boolean, Number, List or Map of those, or {@code null} to
   *     remove it
   * @return this
   * @throws IllegalArgumentException for a reserved key
   */
  public EditorCustomization set(String key, Object value) {
    if (RESERVED.contains(key)) {
      throw new IllegalArgumentException(key + " has its own setter");
    }
    if (value == null) {
      extra.remove(key);
    } else {
      extra.put(key, value);
    }
    return this;
  }

  /**
   * @return the fields set through {@link #set}
   */
  public Map<String, Object> extra() {
    return Collections.unmodifiableMap(extra);
  }
}
