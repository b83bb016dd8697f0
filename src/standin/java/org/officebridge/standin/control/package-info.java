/**
 * The stand-in's own pages: the landing page and the JSON control endpoints under {@code
 * /standin/control}. Uses the public Java API of {@code RunningStandIn}; nothing depends on it.
 */
package org.officebridge.standin.control;
