package org.officebridge.standin.conversion;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.http.Request;
import org.officebridge.standin.http.Router;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.jwt.InboxTokens;
import org.officebridge.standin.jwt.JwtSettings;
import org.officebridge.standin.jwt.TokenException;
import org.officebridge.standin.storage.SignedLinks;

/**
 * The conversion API: {@code POST /converter} (and the pre-5.5 {@code /ConvertService.ashx}),
 * JWT-checked like the DS; answers JSON with {@code Accept: application/json}, otherwise the XML
 * {@code <FileResult>}.
 */
public final class ConversionResource {

  private final ConversionService service;
  private final SignedLinks links;
  private final JwtSettings jwt;
  private final InboxTokens inbox;
  private final Clock clock;

  /**
   * @param service the conversions
   * @param links signs result links
   * @param jwt the JWT settings
   * @param clock the time source
   */
  public ConversionResource(
      ConversionService service, SignedLinks links, JwtSettings jwt, Clock clock) {
    this.service = service;
    this.links = links;
    this.jwt = jwt;
    this.inbox = new InboxTokens(jwt);
    this.clock = clock;
  }

  /**
   * @param router where to register
   */
  public void register(Router router) {
    router.route("POST", "/converter", this::handle);
    router.route("POST", "/ConvertService\\.ashx", this::handle);
  }

  private void handle(Request request) throws IOException {
    boolean json = request.header("Accept").orElse("").contains("application/json");
    Map<String, Object> body;
    try {
      body = Json.parseObject(request.bodyText());
    } catch (Json.JsonException e) {
      reply(request, json, error(ConversionError.INPUT));
      return;
    }
    Map<String, Object> params;
    try {
      params = inbox.parameters(body, request.header(jwt.header()), clock.instant());
    } catch (TokenException e) {
      reply(request, json, error(ConversionError.INVALID_TOKEN));
      return;
    }
    Optional<ConversionRequest> r = ConversionRequest.read(params);
    if (r.isEmpty()) {
      reply(request, json, error(ConversionError.INPUT));
      return;
    }
    try {
      reply(request, json, service.convert(r.get()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply(request, json, error(ConversionError.UNKNOWN));
    }
  }

  private static ConversionService.Answer error(ConversionError e) {
    return new ConversionService.Answer(true, 100, Optional.empty(), Optional.of(e));
  }

  private void reply(Request request, boolean json, ConversionService.Answer a) throws IOException {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (a.error().isPresent()) {
        m.put("error", a.error().get().code());
      } else {
        m.put("endConvert", a.endConvert());
        a.file().ifPresent(f -> m.put("fileType", f.fileType()));
        a.file().ifPresent(f -> m.put("fileUrl", links.link(f).toString()));
        m.put("percent", a.percent());
      }
      request.sendJson(200, m);
      return;
    }
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<FileResult>");
    if (a.error().isPresent()) {
      x.append("<Error>").append(a.error().get().code()).append("</Error>");
    } else {
      x.append("<EndConvert>").append(a.endConvert() ? "True" : "False").append("</EndConvert>");
      x.append("<FileType>")
          .append(a.file().map(f -> f.fileType()).orElse(""))
          .append("</FileType>");
      x.append("<FileUrl>")
          .append(a.file().map(f -> OfficeDocuments.escapeXml(links.link(f).toString())).orElse(""))
          .append("</FileUrl>");
      x.append("<Percent>").append(a.percent()).append("</Percent>");
    }
    request.send(
        200,
        "application/xml; charset=utf-8",
        x.append("</FileResult>").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
