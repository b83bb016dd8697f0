/**
 * Editing sessions as the connector sees them: document keys (stable for a session, new after a
 * final save) and the session records kept in the host's or the connector's {@link
 * org.officebridge.spi.SessionStore}. Shared by the Docs API editor, the callback handler and the
 * WOPI host.
 */
package org.officebridge.session;
