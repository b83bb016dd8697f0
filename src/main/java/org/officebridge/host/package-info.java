/**
 * Binding to the host DMS: finds the SPI implementations (CDI beans first, then {@link
 * java.util.ServiceLoader} for server-level libraries), fails the deployment naming every missing
 * or ambiguous part and every bad setting, and supplies the in-memory session store for a single
 * node. Depends on {@code spi} and {@code config}; nothing else depends on how a host is found.
 */
package org.officebridge.host;
