package org.officebridge.documentserver;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Objects;

/**
 * What the command service's {@code license} command reports.
 *
 * @param license the licence members as sent (end date, trial, connection and user limits, ...)
 * @param server the server build
 * @param quota the users counted against the licence ({@code users}, {@code users_view})
 */
public record DocumentServerLicense(JsonObject license, Server server, JsonObject quota) {

  /** Checks that every part is present (empty objects when the server sent none). */
  public DocumentServerLicense {
    Objects.requireNonNull(license, "license");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(quota, "quota");
  }

  /**
   * The {@code server} member.
   *
   * @param resultType the licence check result (for example 3: valid)
   * @param packageType 0 open source, 1 enterprise, 2 developer
   * @param buildDate the build date
   * @param buildVersion the version, for example {@code 9.0.0}
   * @param buildNumber the build number
   */
  public record Server(
      @JsonbProperty("resultType") Integer resultType,
      @JsonbProperty("packageType") Integer packageType,
      @JsonbProperty("buildDate") String buildDate,
      @JsonbProperty("buildVersion") String buildVersion,
      @JsonbProperty("buildNumber") Integer buildNumber) {}
}
