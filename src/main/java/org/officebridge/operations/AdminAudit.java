package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;

/**
 * The audit trail of administrator actions: one log line per action, {@code event=admin-action
 * action=... admin=... via=... doc=... key=... outcome=...}, and a count by action and outcome.
 */
@ApplicationScoped
public class AdminAudit {

  private static final Logger LOG = Logger.getLogger(AdminAudit.class.getName());

  @Inject Metrics metrics;

  /**
   * What an action touched.
   *
   * @param document the document id, or {@code null}
   * @param key the document key (session or forgotten file), or {@code null}
   * @param user the user acted on ({@code drop}), or {@code null}
   */
  public record Target(String document, String key, String user) {
    static final Target NONE = new Target(null, null, null);
  }

  /**
   * @param admin who acted
   * @param action what they did
   * @param target what it touched
   * @param outcome how it ended, a word ({@code started}, {@code released}, {@code failed}, ...)
   * @param detail more for the log (never a token), or {@code null}
   */
  public void record(
      AdminGuard.Administrator admin, String action, Target target, String outcome, String detail) {
    metrics.adminAction(action, outcome);
    Level level = outcome.equals("failed") ? Level.WARNING : Level.INFO;
    LOG.log(
        level,
        () ->
            LogLine.event("admin-action")
                .with("action", action)
                .with("admin", admin.name())
                .with("via", admin.via())
                .with("doc", target.document())
                .with("key", target.key())
                .with("user", target.user())
                .with("outcome", outcome)
                .with("detail", detail)
                .toString());
  }
}
