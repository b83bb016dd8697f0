package org.officebridge.standin.conversion;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.json.Json;

/**
 * A conversion request's parameters.
 *
 * @param key the job key (results are cached by it)
 * @param url the source URL
 * @param fileType the source type
 * @param outputType the requested type (an extension, {@code ooxml} or {@code odf})
 * @param async whether to answer at once and be polled
 * @param title the output name
 * @param password the source's password
 */
public record ConversionRequest(
    String key,
    URI url,
    String fileType,
    String outputType,
    boolean async,
    Optional<String> title,
    Optional<String> password) {

  /**
   * @param p verified parameters
   * @return the request, or empty when a required parameter is missing or malformed (error -7)
   */
  public static Optional<ConversionRequest> read(Map<String, Object> p) {
    Optional<String> key = Json.string(p, "key").filter(k -> k.matches("[0-9a-zA-Z\\-._=]{1,128}"));
    Optional<String> url = Json.string(p, "url").filter(u -> !u.isBlank());
    Optional<String> out = Json.string(p, "outputtype").filter(u -> !u.isBlank());
    if (key.isEmpty() || url.isEmpty() || out.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(url.get());
      if (!uri.isAbsolute()) {
        return Optional.empty();
      }
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
    Optional<String> type =
        Json.string(p, "filetype").filter(t -> !t.isBlank()).or(() -> extension(uri.getPath()));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ConversionRequest(
            key.get(),
            uri,
            type.get().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""),
            out.get().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""),
            Json.bool(p, "async").orElse(false),
            Json.string(p, "title").filter(t -> !t.isBlank()),
            Json.string(p, "password")));
  }

  private static Optional<String> extension(String path) {
    int dot = path == null ? -1 : path.lastIndexOf('.');
    return dot < 0 || dot < path.lastIndexOf('/')
        ? Optional.empty()
        : Optional.of(path.substring(dot + 1));
  }
}
