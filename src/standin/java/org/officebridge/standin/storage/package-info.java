/**
 * The stand-in's files: a temporary directory, expiring signed links and the resource that serves
 * them. Depends on http and faults.
 */
package org.officebridge.standin.storage;
