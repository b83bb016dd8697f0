package org.officebridge.bench.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The baseline deployment's JAX-RS application under {@code /bench/api}. */
@ApplicationPath("/api")
public class BaselineApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(EmptyResource.class, UploadSinkResource.class);
  }
}
