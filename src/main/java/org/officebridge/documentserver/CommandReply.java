package org.officebridge.documentserver;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The command service's answer, as JSON-B reads it; each command fills only some members (protocol
 * digest §6), the others are {@code null}.
 *
 * @param error the error code, 0 for success (see {@link CommandError})
 * @param key the document key the command was about
 * @param users {@code info}: the users in the session
 * @param version {@code version}: the Document Server's version
 * @param url {@code getForgotten}: a temporary link to the forgotten file
 * @param keys {@code getForgottenList}: the keys of forgotten files
 * @param license {@code license}: the licence
 * @param server {@code license}: the server build
 * @param quota {@code license}: the users counted against the licence
 */
public record CommandReply(
    @JsonbProperty("error") Integer error,
    @JsonbProperty("key") String key,
    @JsonbProperty("users") List<String> users,
    @JsonbProperty("version") String version,
    @JsonbProperty("url") String url,
    @JsonbProperty("keys") List<String> keys,
    @JsonbProperty("license") JsonObject license,
    @JsonbProperty("server") DocumentServerLicense.Server server,
    @JsonbProperty("quota") JsonObject quota) {}
