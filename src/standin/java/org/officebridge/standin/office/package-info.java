/**
 * Documents as the stand-in's simulated editor and converter see them: text extraction, a visible
 * deterministic edit per format, and writers for every conversion output. Depends on the formats
 * table and the main code's {@code org.officebridge.formats.OfficeDocuments}.
 */
package org.officebridge.standin.office;
