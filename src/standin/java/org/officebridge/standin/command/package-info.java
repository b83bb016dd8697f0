/**
 * The command service ({@code /command}): forcesave, drop, info, meta, version, license and the
 * forgotten-file commands, with error codes 0-6. Depends on session, callback, jwt and http.
 */
package org.officebridge.standin.command;
