/**
 * Document formats: which editor and which actions each extension gets (from ONLYOFFICE's format
 * table), and minimal valid documents of each editable type for "create new". Pure Java.
 */
package org.officebridge.formats;
