/**
 * The conversion API ({@code /converter}): jobs cached by key, sync and async, JSON or XML answers,
 * error codes -1..-10. Depends on office, session (downloads), storage, jwt and http.
 */
package org.officebridge.standin.conversion;
