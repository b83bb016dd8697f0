/**
 * Everything that calls ONLYOFFICE Docs: the HTTP client (trust store, timeouts, the address
 * allow-list, size limits, streaming downloads), and the command service, conversion and WOPI
 * discovery clients built on it. Depends on {@code config}, {@code security} and {@code cluster}
 * (the discovery copy shared between nodes).
 */
package org.officebridge.documentserver;
