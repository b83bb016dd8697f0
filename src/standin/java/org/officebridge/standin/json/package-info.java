/**
 * JSON for the stand-in: maps and lists read and written with nimbus' bundled parser. Depends on
 * nothing else in the stand-in.
 */
package org.officebridge.standin.json;
