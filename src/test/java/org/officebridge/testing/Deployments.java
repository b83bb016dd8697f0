package org.officebridge.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one place the server ITs get their deployments from: the WARs this build produced, unchanged
 * (the same files an administrator deploys).
 */
public final class Deployments {

  private Deployments() {}

  /**
   * @return the demo WAR: the production WAR plus the demo DMS and the stand-in jars
   */
  public static WebArchive demo() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class,
        new File(System.getProperty("officebridge.test.demo-war", "target/officebridge-demo.war")));
  }

  /**
   * @return the production WAR, with no host DMS in it
   */
  public static WebArchive production() {
    return ShrinkWrap.createFromZipFile(
        WebArchive.class,
        new File(System.getProperty("officebridge.test.war", "target/officebridge.war")));
  }
}
