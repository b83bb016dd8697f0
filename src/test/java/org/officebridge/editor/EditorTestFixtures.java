package org.officebridge.editor;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.officebridge.config.Settings;
import org.officebridge.config.SettingsLoader;
import org.officebridge.formats.DocumentFormats;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditorContext;
import org.officebridge.spi.EditorCustomization;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

/** Settings, services and pages for the editor's unit tests, with a fixed clock. */
final class EditorTestFixtures {

  static final String SECRET = "editor-unit-test-secret-0123456789abcdef";
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The demo roles' rights, as the README lists them. */
  static final Map<String, Set<Permission>> DEMO_ROLES =
      Map.of(
          "owner", EnumSet.allOf(Permission.class),
          "editor", EnumSet.complementOf(EnumSet.of(Permission.SHARE, Permission.DELETE)),
          "reviewer",
              EnumSet.of(
                  Permission.REVIEW,
                  Permission.COMMENT,
                  Permission.COPY,
                  Permission.DOWNLOAD,
                  Permission.PRINT,
                  Permission.CHAT),
          "commenter",
              EnumSet.of(
                  Permission.COMMENT,
                  Permission.COPY,
                  Permission.DOWNLOAD,
                  Permission.PRINT,
                  Permission.CHAT),
          "filler", EnumSet.of(Permission.FILL_FORMS, Permission.DOWNLOAD, Permission.PRINT),
          "viewer", EnumSet.of(Permission.VIEW));

  private EditorTestFixtures() {}

  static Settings settings(Map<String, String> extra) throws Exception {
    Map<String, String> p = new HashMap<>();
    p.put("officebridge.ds.public-url", "http://127.0.0.1:8090");
    p.put("officebridge.connector.url", "http://127.0.0.1:8080/ob");
    p.put("officebridge.jwt.secret", SECRET);
    p.put("officebridge.instance-id", "unit");
    p.putAll(extra);
    return SettingsLoader.load(p, Map.of());
  }

  static EditorConfigAssembler assembler(Settings settings) {
    return new EditorConfigAssembler(
        settings, new JwtService(settings, CLOCK), new LinkSigner(settings, CLOCK));
  }

  static DocumentInfo document(String title) {
    return new DocumentInfo(
        new DocumentId("doc1"),
        title,
        1234,
        "3",
        NOW,
        "owner",
        Optional.of(new DocumentInfo.Folder("Demo documents", URI.create("./"))));
  }

  static User user(String id) {
    return new User(
        id,
        "User " + id,
        Optional.of(id + "@example.invalid"),
        Optional.empty(),
        Set.of("staff"),
        Locale.GERMANY);
  }

  static EditorPage page(
      String title, String role, boolean editing, EditorContext.Platform platform) {
    DocumentInfo info = document(title);
    EditorCustomization c = new EditorCustomization().locale(Locale.GERMANY);
    return new EditorPage(
        info,
        DocumentFormats.of(info.fileType()).orElseThrow(),
        user(role),
        new AccessRights(DEMO_ROLES.get(role), AccessRights.GroupRestrictions.NONE),
        "unit-doc1-3",
        editing ? Optional.of("http://127.0.0.1:8080/ob/callback/signed-link") : Optional.empty(),
        platform,
        Optional.of("Olivia Owner"),
        Optional.of(false),
        Optional.empty(),
        List.of(),
        List.of(),
        c,
        URI.create("https://dms.example/ob/"),
        Optional.empty());
  }
}
