/**
 * Everything that calls ONLYOFFICE Docs: the HTTP client (trust store, timeouts, the address
 * allow-list, size limits, streaming downloads), and the command service, conversion and WOPI
 * discovery clients built on it. Depends on {@code config} and {@code security}.
 */
package org.officebridge.documentserver;
