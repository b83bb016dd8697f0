package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.officebridge.config.EditorSettings;
import org.officebridge.config.Settings;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditorContext;
import org.officebridge.spi.EditorCustomization;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.Template;
import org.officebridge.web.Escape;

/**
 * Assembles the Docs API editor config from an {@link EditorPage} and signs it: the whole config
 * (everything but {@code events}, which the page adds) is the JWT's claims, HS256 with the shared
 * secret, so the Document Server trusts only values the connector chose. Pure: reads nothing but
 * its input and the settings.
 */
@ApplicationScoped
public class EditorConfigAssembler {

  private static final DateTimeFormatter UPLOADED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Settings settings;
  private JwtService jwt;
  private LinkSigner links;

  /** For CDI. */
  protected EditorConfigAssembler() {}

  /**
   * @param settings the connector's settings
   * @param jwt signs the config
   * @param links signs the download and callback links
   */
  @Inject
  public EditorConfigAssembler(Settings settings, JwtService jwt, LinkSigner links) {
    this.settings = settings;
    this.jwt = jwt;
    this.links = links;
  }

  /**
   * @param page what the page shows
   * @return the config with its {@code token}
   */
  public Map<String, Object> signedConfig(EditorPage page) {
    Map<String, Object> config = config(page);
    config.put("token", jwt.sign(config, settings.sessionTtl()));
    return config;
  }

  /**
   * @param page what the page shows
   * @return the config without token and events
   */
  Map<String, Object> config(EditorPage page) {
    Map<String, Object> config = new LinkedHashMap<>();
    String documentType = page.format().type().orElseThrow().code();
    config.put("documentType", documentType);
    config.put("type", page.platform().name().toLowerCase(Locale.ROOT));
    config.put("width", "100%");
    config.put("height", "100%");
    config.put("document", document(page));
    config.put("editorConfig", editorConfig(page));
    return config;
  }

  private Map<String, Object> document(EditorPage page) {
    DocumentInfo info = page.document();
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("fileType", info.fileType());
    d.put("key", page.key());
    d.put("title", title(info.title()));
    d.put("url", downloadUrl(info));
    d.put(
        "referenceData",
        Map.of("fileKey", info.id().value(), "instanceId", settings.connector().url().toString()));
    Map<String, Object> i = new LinkedHashMap<>();
    page.ownerName().ifPresent(o -> i.put("owner", o));
    i.put("uploaded", UPLOADED.format(info.lastModified()));
    info.folder().ifPresent(f -> i.put("folder", f.name()));
    page.favorite().ifPresent(f -> i.put("favorite", f));
    page.sharing().ifPresent(s -> i.put("sharingSettings", sharingSettings(s)));
    d.put("info", i);
    d.put(
        "permissions",
        EditorPermissions.of(
            page.rights(),
            page.format(),
            page.customization().chat(),
            settings.editor().legacyConversion() != EditorSettings.LegacyConversion.OFF));
    return d;
  }

  private static String title(String title) {
    return title.length() <= 128 ? title : title.substring(0, 128);
  }

  private String downloadUrl(DocumentInfo info) {
    return DocumentDownloadServlet.urlFor(
        links,
        settings.connector().url().toString(),
        info.id(),
        Optional.of(info.version()).filter(v -> !v.isEmpty()));
  }

  /**
   * @param entries the host's sharing settings
   * @return {@code document.info.sharingSettings}
   */
  static List<Map<String, Object>> sharingSettings(List<ShareEntry> entries) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ShareEntry e : entries) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("user", e.displayName());
      m.put("permissions", SharingLevels.label(e.level()));
      if (e.isLink()) {
        m.put("isLink", true);
      }
      out.add(m);
    }
    return out;
  }

  private Map<String, Object> editorConfig(EditorPage page) {
    EditorCustomization c = page.customization();
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("mode", page.editing() ? "edit" : "view");
    page.callbackUrl().ifPresent(url -> e.put("callbackUrl", url));
    e.put("lang", c.locale().getLanguage().isEmpty() ? "en" : c.locale().getLanguage());
    if (!c.locale().getCountry().isEmpty()) {
      e.put("region", c.locale().getLanguage() + "-" + c.locale().getCountry());
    }
    e.put("user", user(page));
    e.put(
        "coEditing",
        Map.of("mode", c.strictCoEditing() ? "strict" : "fast", "change", c.coEditingChangeable()));
    page.format()
        .type()
        .filter(t -> OfficeTemplates.canCreate(t.nativeType()))
        .ifPresent(t -> e.put("createUrl", page.browserUrl("new?type=" + t.nativeType())));
    if (c.templates()) {
      e.put("templates", templates(page));
    }
    if (c.recentFiles() > 0) {
      e.put("recent", recent(page));
    }
    e.put("customization", customization(page));
    if (!c.plugins().isEmpty()) {
      e.put(
          "plugins",
          Map.of(
              "pluginsData",
              c.plugins().stream().map(URI::toString).toList(),
              "autostart",
              List.of()));
    }
    page.actionLink().ifPresent(a -> e.put("actionLink", a));
    if (page.platform() == EditorContext.Platform.EMBEDDED) {
      e.put("embedded", embedded(page));
    }
    return e;
  }

  private static Map<String, Object> user(EditorPage page) {
    Map<String, Object> u = new LinkedHashMap<>();
    u.put("id", page.user().id());
    u.put("name", page.user().name());
    if (!page.user().groups().isEmpty()) {
      u.put("group", String.join(",", new TreeSet<>(page.user().groups())));
    }
    page.user().avatar().ifPresent(a -> u.put("image", a.toString()));
    return u;
  }

  private static List<Map<String, Object>> templates(EditorPage page) {
    String type = page.format().type().orElseThrow().nativeType();
    List<Map<String, Object>> out = new ArrayList<>();
    if (!OfficeTemplates.canCreate(type)) {
      return out;
    }
    out.add(
        Map.of(
            "title",
            EditorMessages.forLocale(page.customization().locale()).text("template.blank"),
            "image",
            "",
            "url",
            page.browserUrl("new?type=" + type)));
    for (Template t : page.templates()) {
      out.add(
          Map.of(
              "title",
              t.title(),
              "image",
              t.image().map(URI::toString).orElse(""),
              "url",
              page.browserUrl(
                  "new?type=" + Escape.urlParam(type) + "&template=" + Escape.urlParam(t.id()))));
    }
    return out;
  }

  private static List<Map<String, Object>> recent(EditorPage page) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (DocumentInfo d : page.recent()) {
      out.add(
          Map.of(
              "title",
              d.title(),
              "folder",
              d.folder().map(DocumentInfo.Folder::name).orElse(""),
              "url",
              page.browserUrl("editor?doc=" + Escape.urlParam(d.id().value()))));
    }
    return out;
  }

  private static Map<String, Object> customization(EditorPage page) {
    EditorCustomization c = page.customization();
    Map<String, Object> m = new LinkedHashMap<>(c.extra());
    m.put("autosave", c.autosave());
    m.put("forcesave", c.forcesave());
    m.put("comments", c.comments());
    m.put("compactHeader", c.compactHeader());
    m.put("compactToolbar", c.compactToolbar());
    m.put("toolbarHideFileName", c.hideFileName());
    m.put("hideRightMenu", c.hideRightMenu());
    m.put("hideRulers", c.hideRulers());
    c.theme().ifPresent(t -> m.put("uiTheme", t));
    m.put("review", Map.of("reviewDisplay", c.reviewDisplay()));
    if (!c.customer().isEmpty()) {
      m.put("customer", new LinkedHashMap<>(c.customer()));
    }
    if (c.goback()) {
      page.document()
          .folder()
          .ifPresent(
              f ->
                  m.put(
                      "goback",
                      Map.of(
                          "url", page.browserBase().resolve(f.url()).toString(), "blank", false)));
    }
    m.put("close", Map.of("visible", c.close()));
    return m;
  }

  private Map<String, Object> embedded(EditorPage page) {
    String doc = Escape.urlParam(page.document().id().value());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("embedUrl", page.browserUrl("editor?doc=" + doc + "&type=embedded"));
    m.put("fullscreenUrl", page.browserUrl("editor?doc=" + doc + "&mode=view"));
    m.put("shareUrl", page.browserUrl("editor?doc=" + doc));
    if (page.rights().can(org.officebridge.spi.Permission.DOWNLOAD)) {
      m.put("saveUrl", page.browserUrl("api/editor/" + doc + "/content"));
    }
    m.put("toolbarDocked", "top");
    return m;
  }
}
