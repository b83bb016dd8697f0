package org.officebridge.documentserver;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The conversion service's JSON answer (with {@code Accept: application/json}), as JSON-B reads it.
 *
 * @param endConvert whether the conversion has finished
 * @param fileUrl a temporary link to the result, once finished
 * @param fileType the result's extension, once finished
 * @param percent progress, 0-100
 * @param error a negative error code, absent on success (see {@link ConversionError})
 */
public record ConversionReply(
    @JsonbProperty("endConvert") Boolean endConvert,
    @JsonbProperty("fileUrl") String fileUrl,
    @JsonbProperty("fileType") String fileType,
    @JsonbProperty("percent") Integer percent,
    @JsonbProperty("error") Integer error) {}
