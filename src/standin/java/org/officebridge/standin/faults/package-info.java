/**
 * Failures on demand (slow or cut downloads, duplicate or reordered callbacks, clock skew, wrong
 * keys and secrets, forced error codes). Read by the other parts; depends only on http and json.
 */
package org.officebridge.standin.faults;
