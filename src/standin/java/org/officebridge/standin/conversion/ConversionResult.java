package org.officebridge.standin.conversion;

import java.util.Optional;
import org.officebridge.standin.storage.StoredFile;

/**
 * A finished conversion: a file or an error.
 *
 * @param file the converted file, on success
 * @param error the error, on failure
 */
public record ConversionResult(Optional<StoredFile> file, Optional<ConversionError> error) {

  static ConversionResult of(StoredFile file) {
    return new ConversionResult(Optional.of(file), Optional.empty());
  }

  static ConversionResult failed(ConversionError error) {
    return new ConversionResult(Optional.empty(), Optional.of(error));
  }
}
