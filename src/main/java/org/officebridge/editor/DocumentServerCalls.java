package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.security.JwtService;
import org.officebridge.web.Escape;

/**
 * The editor feature's calls to the Document Server: the {@code meta} command (a rename reaches
 * every co-editor) and synchronous conversions (legacy formats on open, downloads in another
 * format). Requests carry a body token. This is a stop-gap until the callback feature's {@code
 * CommandServiceClient} and {@code ConversionClient} are merged; then these two methods delegate to
 * them.
 */
@ApplicationScoped
public class DocumentServerCalls {

  private static final Logger LOG = Logger.getLogger(DocumentServerCalls.class.getName());
  private static final Duration CONVERSION_WAIT = Duration.ofSeconds(120);

  @Inject Settings settings;
  @Inject DocumentServerHttp http;
  @Inject JwtService jwt;
  @Inject Clock clock;

  /**
   * Sends {@code meta} so that every editor of the session shows the new title. Best effort: a
   * failure is logged, since the DMS already holds the new name.
   *
   * @param key the session's document key
   * @param title the new title
   * @return whether the Document Server accepted it (error 0)
   */
  public boolean sendMeta(String key, String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("c", "meta");
    body.put("key", key);
    body.put("meta", Map.of("title", title));
    try {
      Map<String, Object> answer = post("/command?shardkey=" + Escape.urlParam(key), body);
      Object error = answer.get("error");
      boolean ok = error instanceof Number n && n.intValue() == 0;
      if (!ok) {
        LOG.info(() -> "event=meta outcome=error key=" + key + " error=" + error);
      }
      return ok;
    } catch (IOException e) {
      LOG.warning(
          () -> "event=meta outcome=failed key=" + key + " reason=" + e.getClass().getName());
      return false;
    }
  }

  /**
   * Converts a document synchronously, asking again with the same key until it is done.
   *
   * @param source a URL the Document Server downloads the document from
   * @param fileType the source's extension
   * @param outputType the wanted extension
   * @param key the conversion's key (new for each source version and target)
   * @param title the source's title
   * @return the converted file's temporary URL at the Document Server
   * @throws IOException when the conversion fails or takes too long
   */
  public URI convert(String source, String fileType, String outputType, String key, String title)
      throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("async", false);
    body.put("filetype", fileType);
    body.put("outputtype", outputType);
    body.put("key", key);
    body.put("title", title);
    body.put("url", source);
    Instant deadline = clock.instant().plus(CONVERSION_WAIT);
    while (true) {
      Map<String, Object> answer = post("/converter?shardkey=" + Escape.urlParam(key), body);
      Object error = answer.get("error");
      if (error instanceof Number n && n.intValue() != 0) {
        throw new IOException("conversion error " + n.intValue());
      }
      if (Boolean.TRUE.equals(answer.get("endConvert"))
          && answer.get("fileUrl") instanceof String u) {
        return URI.create(u);
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IOException("conversion did not finish in time");
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> post(String path, Map<String, Object> params) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>(params);
    body.put("token", jwt.sign(params));
    URI url = URI.create(settings.documentServer().internalUrl() + path);
    try {
      HttpResponse<String> response = http.postJson(url, EditorJson.write(body), Map.of());
      if (response.statusCode() != 200) {
        throw new IOException("HTTP " + response.statusCode());
      }
      Optional<Object> json = EditorJson.read(response.body());
      if (json.isEmpty() || !(json.get() instanceof Map)) {
        throw new IOException("not a JSON object");
      }
      return (Map<String, Object>) json.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
