/**
 * The Docs API editor: editor pages, the signed editor configuration, document keys and formats,
 * and the JSON endpoints behind the editor's events. Reaches the host only through {@code host};
 * signs through {@code security}.
 */
package org.officebridge.editor;
