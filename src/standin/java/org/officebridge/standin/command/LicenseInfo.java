package org.officebridge.standin.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officebridge.standin.session.EditingService;
import org.officebridge.standin.session.SessionView;

/**
 * What the stand-in reports for {@code version} and {@code license}: an open-source package
 * (packageType 0) whose licence is valid (resultType 3), with the users currently connected as the
 * quota.
 *
 * @param version the version string
 * @param buildDate the build date reported
 */
public record LicenseInfo(String version, Instant buildDate) {

  /**
   * @param editing the sessions, for the quota
   * @return the {@code license}, {@code server} and {@code quota} members
   */
  public Map<String, Object> describe(EditingService editing) {
    Map<String, Object> license = new LinkedHashMap<>();
    license.put("end_date", buildDate.plus(3650, ChronoUnit.DAYS).toString());
    license.put("trial", false);
    license.put("customization", false);
    license.put("connections", 0);
    license.put("connections_view", 0);
    license.put("users_count", 0);
    license.put("users_view_count", 0);
    license.put("users_expire", 30);
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("resultType", 3);
    server.put("packageType", 0);
    server.put("buildDate", buildDate.toString());
    server.put("buildVersion", version.replaceAll("^(\\d+\\.\\d+\\.\\d+).*", "$1"));
    server.put("buildNumber", 1);
    List<Object> users =
        editing.sessions().stream()
            .map(SessionView::editors)
            .flatMap(List::stream)
            .distinct()
            .map(
                u ->
                    (Object)
                        Map.of(
                            "userid",
                            u,
                            "expire",
                            buildDate.plus(3650, ChronoUnit.DAYS).toString()))
            .toList();
    Map<String, Object> quota = new LinkedHashMap<>();
    quota.put("users", users);
    quota.put("users_view", List.of());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("license", license);
    out.put("server", server);
    out.put("quota", quota);
    return out;
  }
}
