package org.officebridge.documentserver;

/** What a {@code forcesave} command achieved. */
public enum ForcesaveResult {
  /** The save runs; the file arrives as a status-6 callback with {@code forcesavetype} 0. */
  STARTED,
  /** Nothing changed since the last save (error 4): nothing will arrive, and nothing is lost. */
  NO_CHANGES
}
