package org.officebridge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code editor.*} settings for {@link SettingsLoader}, reporting problems through it.
 */
final class EditorSettingsReader {

  private static final Pattern THEME = Pattern.compile("[a-z0-9-]{1,64}");
  private static final Pattern FRAME_SOURCE =
      Pattern.compile("'self'|'none'|https?://[A-Za-z0-9.*-]+(:[0-9]{1,5})?");

  private final SettingsLoader loader;

  EditorSettingsReader(SettingsLoader loader) {
    this.loader = loader;
  }

  EditorSettings read() {
    return new EditorSettings(
        frameAncestors(),
        loader.url(SettingKey.EDITOR_BROWSER_URL),
        locale(),
        theme(),
        loader.bool(SettingKey.EDITOR_CHAT, true),
        loader.bool(SettingKey.EDITOR_COMMENTS, true),
        loader.bool(SettingKey.EDITOR_GOBACK, true),
        loader.bool(SettingKey.EDITOR_CLOSE, true),
        toolbar(),
        loader.bool(SettingKey.EDITOR_AUTOSAVE, true),
        loader.bool(SettingKey.EDITOR_FORCESAVE, false),
        choice(
            SettingKey.EDITOR_CO_EDITING,
            EditorSettings.CoEditingMode.class,
            EditorSettings.CoEditingMode.FAST),
        loader.bool(SettingKey.EDITOR_CO_EDITING_CHANGEABLE, true),
        choice(
            SettingKey.EDITOR_REVIEW_DISPLAY,
            EditorSettings.ReviewDisplay.class,
            EditorSettings.ReviewDisplay.MARKUP),
        customer(),
        recentFiles(),
        loader.bool(SettingKey.EDITOR_TEMPLATES, true),
        urls(SettingKey.EDITOR_PLUGINS),
        legacyConversion());
  }

  private List<String> frameAncestors() {
    String value = loader.raw(SettingKey.EDITOR_FRAME_ANCESTORS).orElse("'self'").trim();
    List<String> sources = new ArrayList<>();
    for (String s : value.split("\\s+")) {
      if (!FRAME_SOURCE.matcher(s).matches()) {
        loader.problem(
            SettingsLoader.name(SettingKey.EDITOR_FRAME_ANCESTORS)
                + ": '"
                + s
                + "' is not 'self', 'none' or an http(s) origin");
      } else {
        sources.add(s);
      }
    }
    if (sources.contains("'none'") && sources.size() > 1) {
      loader.problem(
          SettingsLoader.name(SettingKey.EDITOR_FRAME_ANCESTORS) + ": 'none' stands alone");
    }
    return sources.isEmpty() ? List.of("'self'") : sources;
  }

  private Optional<Locale> locale() {
    Optional<String> value = loader.raw(SettingKey.EDITOR_LOCALE);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(value.get().trim()).build();
      if (locale.getLanguage().isEmpty()) {
        throw new IllformedLocaleException("no language");
      }
      return Optional.of(locale);
    } catch (IllformedLocaleException e) {
      loader.problem(
          SettingsLoader.name(SettingKey.EDITOR_LOCALE) + " must be a language tag such as de-DE");
      return Optional.empty();
    }
  }

  private Optional<String> theme() {
    Optional<String> value = loader.raw(SettingKey.EDITOR_THEME).map(String::trim);
    if (value.isPresent() && !THEME.matcher(value.get()).matches()) {
      loader.problem(
          SettingsLoader.name(SettingKey.EDITOR_THEME) + " must be a theme id of a-z 0-9 -");
      return Optional.empty();
    }
    return value;
  }

  private Set<EditorSettings.Toolbar> toolbar() {
    Set<EditorSettings.Toolbar> set = EnumSet.noneOf(EditorSettings.Toolbar.class);
    for (String part : loader.raw(SettingKey.EDITOR_TOOLBAR).orElse("").split(",")) {
      String p = part.trim();
      if (p.isEmpty() || p.equals("none")) {
        continue;
      }
      Optional<EditorSettings.Toolbar> t =
          java.util.Arrays.stream(EditorSettings.Toolbar.values())
              .filter(x -> x.text().equals(p))
              .findFirst();
      if (t.isPresent()) {
        set.add(t.get());
      } else {
        loader.problem(
            SettingsLoader.name(SettingKey.EDITOR_TOOLBAR) + ": unknown switch '" + p + "'");
      }
    }
    return set;
  }

  private <E extends Enum<E>> E choice(SettingKey key, Class<E> type, E fallback) {
    Optional<String> value = loader.raw(key).map(v -> v.trim().toUpperCase(Locale.ROOT));
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.get().replace('-', '_'));
    } catch (IllegalArgumentException e) {
      loader.problem(
          SettingsLoader.name(key)
              + " must be one of "
              + String.join(
                  ", ",
                  java.util.Arrays.stream(type.getEnumConstants())
                      .map(c -> c.name().toLowerCase(Locale.ROOT))
                      .toList()));
      return fallback;
    }
  }

  private EditorSettings.LegacyConversion legacyConversion() {
    String value = loader.raw(SettingKey.EDITOR_LEGACY_CONVERSION).orElse("new-version").trim();
    for (EditorSettings.LegacyConversion c : EditorSettings.LegacyConversion.values()) {
      if (c.text().equalsIgnoreCase(value)) {
        return c;
      }
    }
    loader.problem(
        SettingsLoader.name(SettingKey.EDITOR_LEGACY_CONVERSION)
            + " must be new-version, new-file or off");
    return EditorSettings.LegacyConversion.NEW_VERSION;
  }

  private EditorSettings.Customer customer() {
    List<URI> logo = urls(SettingKey.EDITOR_CUSTOMER_LOGO);
    return new EditorSettings.Customer(
        text(SettingKey.EDITOR_CUSTOMER_NAME),
        text(SettingKey.EDITOR_CUSTOMER_INFO),
        text(SettingKey.EDITOR_CUSTOMER_WWW),
        text(SettingKey.EDITOR_CUSTOMER_MAIL),
        logo.stream().findFirst());
  }

  private Optional<String> text(SettingKey key) {
    Optional<String> value = loader.raw(key).map(String::strip);
    if (value.isPresent() && value.get().length() > 256) {
      loader.problem(SettingsLoader.name(key) + " is longer than 256 characters");
      return Optional.empty();
    }
    return value;
  }

  private int recentFiles() {
    String value = loader.raw(SettingKey.EDITOR_RECENT_FILES).orElse("10").trim();
    try {
      int n = Integer.parseInt(value);
      if (n >= 0 && n <= 50) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    loader.problem(SettingsLoader.name(SettingKey.EDITOR_RECENT_FILES) + " must be 0-50");
    return 10;
  }

  private List<URI> urls(SettingKey key) {
    List<URI> urls = new ArrayList<>();
    for (String part : loader.raw(key).orElse("").split(",")) {
      String p = part.trim();
      if (p.isEmpty() || p.equals("none")) {
        continue;
      }
      try {
        URI uri = new URI(p);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
          throw new URISyntaxException(p, "not an absolute http(s) URL");
        }
        urls.add(uri);
      } catch (URISyntaxException e) {
        loader.problem(SettingsLoader.name(key) + ": '" + p + "' is not an absolute http(s) URL");
      }
    }
    return urls;
  }
}
