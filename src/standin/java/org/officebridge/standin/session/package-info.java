/**
 * Docs API editing sessions, one per document key: config verification, the server-side download of
 * {@code document.url}, connections, simulated edits, saves and forcesaves. Depends on callback,
 * office, storage, jwt, formats and http.
 */
package org.officebridge.standin.session;
