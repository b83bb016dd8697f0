package org.officebridge.wopi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The WOPI host's JAX-RS application under {@code /wopi}: the files endpoint and the exception
 * mappers that turn every outcome into a WOPI answer. Listed explicitly so that it picks up nothing
 * else and the {@code /api} application nothing of it.
 */
@ApplicationPath("/wopi")
public class WopiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        WopiFilesResource.class,
        WopiMetricsFilter.class,
        WopiExceptionMapper.class,
        HostExceptionMapper.class,
        UnexpectedExceptionMapper.class);
  }
}
