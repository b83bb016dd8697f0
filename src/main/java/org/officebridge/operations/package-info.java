/**
 * Running the connector: health and readiness, later metrics, the settings check and admin actions.
 * Reads the SPI only through {@code host}.
 */
package org.officebridge.operations;
