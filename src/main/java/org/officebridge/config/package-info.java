/**
 * The connector's settings: one immutable, typed {@link org.officebridge.config.Settings} tree
 * loaded once from system properties, environment variables and an optional properties file, and
 * validated as a whole. Nothing else in the connector reads system properties or the environment.
 * Depends on nothing but the JDK.
 */
package org.officebridge.config;
