/**
 * CDI producers and wiring shared by every feature: the clock, JSON-B, the JAX-RS application.
 * Holds no protocol logic and depends on no feature package except for listing JAX-RS resources.
 */
package org.officebridge.platform;
