package org.officebridge.standin;

import org.officebridge.standin.conversion.ConversionService;

/** The password marker, for tests. */
final class ConversionServiceMarker {
  static final String LINE = ConversionService.PASSWORD_MARKER;

  private ConversionServiceMarker() {}
}
