/**
 * JWT as ONLYOFFICE Docs uses it: HS256 with a shared secret, body tokens (flat claims) and header
 * tokens (claims wrapped in {@code payload}). Depends only on the JSON package.
 */
package org.officebridge.standin.jwt;
