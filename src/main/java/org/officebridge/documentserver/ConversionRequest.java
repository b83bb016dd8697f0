package org.officebridge.documentserver;

import jakarta.json.bind.annotation.JsonbProperty;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A request to the conversion service ({@code POST /converter}, protocol digest §7), as JSON-B
 * writes it; absent members are {@code null} and left out. Start with {@link #of} and add options
 * with the {@code with...} methods; each returns a copy.
 *
 * @param url where the Document Server downloads the source (for a DMS document: the connector's
 *     signed download link)
 * @param fileType the source's lower-case extension
 * @param outputType the target extension, or {@code ooxml} / {@code odf}
 * @param key identifies the job: one per source version and target (see {@link
 *     ConversionClient#keyFor}); sending it again returns the same job, which is how a job is
 *     polled
 * @param async whether the service answers at once and is polled
 * @param title the output's file name
 * @param password the source's password
 * @param codePage the code page of a csv or txt source
 * @param delimiter the delimiter of a csv source: 0 none, 1 tab, 2 semicolon, 3 colon, 4 comma, 5
 *     space
 * @param region the region for number and date formats, for example {@code en-US}
 * @param thumbnail thumbnail options when the target is an image
 */
public record ConversionRequest(
    @JsonbProperty("url") String url,
    @JsonbProperty("filetype") String fileType,
    @JsonbProperty("outputtype") String outputType,
    @JsonbProperty("key") String key,
    @JsonbProperty("async") Boolean async,
    @JsonbProperty("title") String title,
    @JsonbProperty("password") String password,
    @JsonbProperty("codePage") Integer codePage,
    @JsonbProperty("delimiter") Integer delimiter,
    @JsonbProperty("region") String region,
    @JsonbProperty("thumbnail") Thumbnail thumbnail) {

  private static final Pattern KEY = Pattern.compile("[0-9a-zA-Z._=-]{1,128}");
  private static final Pattern TYPE = Pattern.compile("[a-z0-9]{1,10}");

  /**
   * Thumbnail options.
   *
   * @param aspect 0 stretch to the size, 1 keep the aspect ratio, 2 the page's own size
   * @param first whether only the first page is rendered (otherwise a zip of all pages)
   * @param width width in pixels
   * @param height height in pixels
   */
  public record Thumbnail(
      @JsonbProperty("aspect") Integer aspect,
      @JsonbProperty("first") Boolean first,
      @JsonbProperty("width") Integer width,
      @JsonbProperty("height") Integer height) {}

  /** Checks the required members. */
  public ConversionRequest {
    Objects.requireNonNull(url, "url");
    if (fileType == null || !TYPE.matcher(fileType).matches()) {
      throw new IllegalArgumentException("a file type is 1-10 characters of a-z 0-9");
    }
    if (outputType == null || !TYPE.matcher(outputType).matches()) {
      throw new IllegalArgumentException("an output type is 1-10 characters of a-z 0-9");
    }
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("a conversion key is 1-128 characters of 0-9a-zA-Z._=-");
    }
  }

  /**
   * @param source where the Document Server downloads the source
   * @param fileType the source's extension
   * @param outputType the target extension (or {@code ooxml} / {@code odf})
   * @param key the job's key
   * @return a synchronous request without options
   */
  public static ConversionRequest of(URI source, String fileType, String outputType, String key) {
    return new ConversionRequest(
        source.toString(), fileType, outputType, key, null, null, null, null, null, null, null);
  }

  /**
   * @param value whether the service answers at once
   * @return a copy
   */
  public ConversionRequest withAsync(boolean value) {
    return new ConversionRequest(
        url,
        fileType,
        outputType,
        key,
        value,
        title,
        password,
        codePage,
        delimiter,
        region,
        thumbnail);
  }

  /**
   * @param value the output's file name
   * @return a copy
   */
  public ConversionRequest withTitle(String value) {
    return new ConversionRequest(
        url,
        fileType,
        outputType,
        key,
        async,
        value,
        password,
        codePage,
        delimiter,
        region,
        thumbnail);
  }

  /**
   * @param value the source's password
   * @return a copy
   */
  public ConversionRequest withPassword(String value) {
    return new ConversionRequest(
        url,
        fileType,
        outputType,
        key,
        async,
        title,
        value,
        codePage,
        delimiter,
        region,
        thumbnail);
  }

  /**
   * @param codePageValue the code page of a text source
   * @param delimiterValue the csv delimiter code
   * @return a copy
   */
  public ConversionRequest withText(Integer codePageValue, Integer delimiterValue) {
    return new ConversionRequest(
        url,
        fileType,
        outputType,
        key,
        async,
        title,
        password,
        codePageValue,
        delimiterValue,
        region,
        thumbnail);
  }

  /**
   * @param value the region, for example {@code de-DE}
   * @return a copy
   */
  public ConversionRequest withRegion(String value) {
    return new ConversionRequest(
        url,
        fileType,
        outputType,
        key,
        async,
        title,
        password,
        codePage,
        delimiter,
        value,
        thumbnail);
  }

  /**
   * @param value thumbnail options
   * @return a copy
   */
  public ConversionRequest withThumbnail(Thumbnail value) {
    return new ConversionRequest(
        url, fileType, outputType, key, async, title, password, codePage, delimiter, region, value);
  }

  @Override
  public String toString() {
    return "ConversionRequest[key=" + key + ", " + fileType + "->" + outputType + "]";
  }
}
