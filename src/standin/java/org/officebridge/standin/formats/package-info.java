/**
 * The format table: which extensions each editor opens, edits or converts, and to what. Pure data;
 * depends on nothing else in the stand-in.
 */
package org.officebridge.standin.formats;
