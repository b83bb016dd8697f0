package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks the settings and applies the schema when a CDI deployment starts: an invalid setting fails
 * the deployment, naming it; an unreachable database only delays the schema to the first use. (A
 * server-level library found through ServiceLoader has no start: there both happen on first use.)
 */
@ApplicationScoped
public class PgHostStartup {

  private static final Logger LOG = Logger.getLogger(PgHostStartup.class.getName());

  void start(@Observes Startup event) {
    PgHostSettings settings = PgHostDatabase.runtimeSettings();
    settings
        .actorCookie()
        .ifPresent(
            cookie ->
                LOG.warning(
                    () ->
                        "event=pghost-actor-cookie cookie="
                            + cookie
                            + " anyone can act as any user by setting this cookie: demos only"));
    try {
      PgHostDatabase.shared().migrate();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "event=pghost-schema outcome=deferred sqlstate=" + e.getSQLState(), e);
    }
  }
}
