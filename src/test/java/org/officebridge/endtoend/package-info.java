/**
 * End-to-end tests across the whole chain: a browser, the demo DMS with the connector, and the
 * Document Server stand-in, checked by what ends up stored in the DMS. Depends on test support
 * only.
 */
package org.officebridge.endtoend;
