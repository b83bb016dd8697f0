package org.officebridge.standin.session;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.officebridge.standin.formats.DocumentType;
import org.officebridge.standin.formats.Format;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.jwt.JwtSettings;
import org.officebridge.standin.jwt.TokenException;

/**
 * Checks an editor config as the DS and its api.js do: with JWT on, {@code token} must verify
 * (HS256, the configured secret) and, as with {@code tokenRequiredParams=true}, the
 * security-relevant values are taken from the token only (document.key, url, permissions;
 * editorConfig.callbackUrl, mode, user) while the token's other values win over the plain config;
 * then the required fields, file type, document type and key rules.
 */
public final class EditorConfigReader {

  /** Allowed key characters and length. */
  public static final Pattern KEY = Pattern.compile("[0-9a-zA-Z\\-._=]{1,128}");

  private static final String REQUIRED =
      "One or more required parameter for the config object is not set.";

  private final JwtSettings jwt;
  private final FormatTable formats;
  private final Clock clock;
  private final AtomicLong anonymous = new AtomicLong();

  /**
   * @param jwt the JWT settings (browser secret)
   * @param formats the format table
   * @param clock the time source for token expiry
   */
  public EditorConfigReader(JwtSettings jwt, FormatTable formats, Clock clock) {
    this.jwt = jwt;
    this.formats = formats;
    this.clock = clock;
  }

  /** The outcome: exactly one of config and error is present. */
  public record Result(Optional<EditorConfig> config, Optional<EditorError> error) {
    static Result ok(EditorConfig c) {
      return new Result(Optional.of(c), Optional.empty());
    }

    static Result refused(EditorError.Kind kind, String text) {
      return new Result(Optional.empty(), Optional.of(new EditorError(kind, text)));
    }
  }

  /**
   * @param config the config object as the integrator passed it to {@code DocsAPI.DocEditor}
   * @return the verified config or the refusal
   */
  public Result read(Map<String, Object> config) {
    Map<String, Object> plain = new LinkedHashMap<>(config);
    plain.remove("events");
    Object token = plain.remove("token");
    Map<String, Object> merged = plain;
    if (jwt.enabled()) {
      try {
        Map<String, Object> claims =
            jwt.codec().verify(token instanceof String s ? s : null, clock.instant());
        claims.remove("iat");
        claims.remove("exp");
        claims.remove("nbf");
        merged = Json.merge(withoutSecuredFields(plain), claims);
      } catch (TokenException e) {
        return e.reason() == TokenException.Reason.EXPIRED
            ? Result.refused(EditorError.Kind.TOKEN_EXPIRED, EditorError.TOKEN_EXPIRED_TEXT)
            : Result.refused(EditorError.Kind.TOKEN_INVALID, EditorError.TOKEN_TEXT);
      }
    }
    return structure(merged);
  }

  private static Map<String, Object> withoutSecuredFields(Map<String, Object> config) {
    Map<String, Object> out = new LinkedHashMap<>(config);
    Json.object(config, "document")
        .ifPresent(
            d -> {
              Map<String, Object> doc = new LinkedHashMap<>(d);
              doc.remove("key");
              doc.remove("url");
              doc.remove("permissions");
              out.put("document", doc);
            });
    Json.object(config, "editorConfig")
        .ifPresent(
            e -> {
              Map<String, Object> ed = new LinkedHashMap<>(e);
              ed.remove("callbackUrl");
              ed.remove("mode");
              ed.remove("user");
              out.put("editorConfig", ed);
            });
    return out;
  }

  private Result structure(Map<String, Object> c) {
    Map<String, Object> doc = Json.object(c, "document").orElse(null);
    Optional<String> url = Json.string(doc, "url").filter(s -> !s.isBlank());
    Optional<String> givenType = Json.string(doc, "fileType").filter(s -> !s.isBlank());
    Optional<String> docTypeCode = Json.string(c, "documentType");
    if (doc == null || url.isEmpty() || (givenType.isEmpty() && docTypeCode.isEmpty())) {
      return Result.refused(EditorError.Kind.CONFIG, REQUIRED);
    }
    String title = Json.string(doc, "title").orElse("");
    String fileType =
        givenType.orElse(FormatTable.extensionOf(title)).toLowerCase(java.util.Locale.ROOT);
    Optional<Format> format = formats.find(fileType).filter(f -> f.type().isPresent());
    if (format.isEmpty()) {
      return Result.refused(EditorError.Kind.CONFIG, invalid("document.fileType"));
    }
    DocumentType type = format.get().type().get();
    Optional<DocumentType> given = docTypeCode.flatMap(DocumentType::fromCode);
    if (given.isPresent() && given.get() != type) {
      boolean xmlSheet = fileType.equals("xml") && given.get() == DocumentType.CELL;
      if (!xmlSheet) {
        return Result.refused(EditorError.Kind.CONFIG, invalid("documentType"));
      }
      type = DocumentType.CELL;
    }
    Optional<String> key = Json.string(doc, "key");
    if (key.isEmpty() || !KEY.matcher(key.get()).matches()) {
      return Result.refused(EditorError.Kind.CONFIG, invalid("document.key"));
    }
    Optional<URI> documentUrl = absoluteHttp(url.get());
    if (documentUrl.isEmpty()) {
      return Result.refused(EditorError.Kind.CONFIG, invalid("document.url"));
    }
    return Result.ok(editorConfig(c, doc, key.get(), documentUrl.get(), fileType, type, title));
  }

  private EditorConfig editorConfig(
      Map<String, Object> c,
      Map<String, Object> doc,
      String key,
      URI url,
      String fileType,
      DocumentType type,
      String title) {
    Map<String, Object> editor = Json.object(c, "editorConfig").orElse(Map.of());
    Map<String, Object> permissions = Json.object(doc, "permissions").orElse(Map.of());
    Optional<URI> callbackUrl = Json.string(editor, "callbackUrl").flatMap(this::absoluteHttp);
    Format format = formats.find(fileType).orElseThrow();
    boolean canEdit = format.editable() || format.actions().contains("auto-convert");
    EditorMode requested =
        Json.string(editor, "mode").flatMap(EditorMode::fromCode).orElse(EditorMode.EDIT);
    Optional<EditScope> scope =
        canEdit && callbackUrl.isPresent() && requested == EditorMode.EDIT
            ? EditScope.of(type, permissions)
            : Optional.empty();
    EditorMode mode = scope.isPresent() ? EditorMode.EDIT : EditorMode.VIEW;
    Map<String, Object> u = Json.object(editor, "user").orElse(Map.of());
    String id =
        Json.string(u, "id")
            .filter(s -> !s.isBlank())
            .orElseGet(() -> "uid-" + anonymous.incrementAndGet());
    EditorUser user = new EditorUser(id, Json.string(u, "name").orElse(""));
    boolean forcesave =
        Json.object(editor, "customization")
            .flatMap(cu -> Json.bool(cu, "forcesave"))
            .orElse(false);
    String shownTitle = title.isEmpty() ? "Unnamed." + fileType : title;
    return new EditorConfig(
        key,
        url,
        fileType,
        type,
        shownTitle,
        mode,
        scope.orElse(EditScope.FULL),
        callbackUrl,
        user,
        forcesave,
        permissions,
        c);
  }

  private Optional<URI> absoluteHttp(String s) {
    try {
      URI u = new URI(s);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
      return u.isAbsolute()
              && u.getHost() != null
              && (scheme.equals("http") || scheme.equals("https"))
          ? Optional.of(u)
          : Optional.empty();
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String invalid(String parameter) {
    return "The \""
        + parameter
        + "\" parameter for the config object is invalid. Please correct it.";
  }
}
