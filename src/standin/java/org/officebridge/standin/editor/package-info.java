/**
 * The editor in the browser: api.js with {@code DocsAPI.DocEditor}, the simulated editor frame, and
 * the frame's server side (open, actions, signed method checks, event poll). Depends on session,
 * jwt, storage and http.
 */
package org.officebridge.standin.editor;
