/**
 * The Document Server's callbacks ({@code editorConfig.callbackUrl}) and the save state machine:
 * verifying each callback, moving the editing session along, storing final and intermediate
 * versions, conflict and recovery copies, the history data, and telling users when a save failed.
 * Reaches the host only through {@code host}, the Document Server only through {@code
 * documentserver}, and sessions through {@code session}.
 */
package org.officebridge.callback;
