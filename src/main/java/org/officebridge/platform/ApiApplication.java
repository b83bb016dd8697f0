package org.officebridge.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.officebridge.callback.EditorStatusResource;
import org.officebridge.editor.EditorExceptionMapper;
import org.officebridge.editor.EditorResource;
import org.officebridge.operations.AdminExceptionMapper;
import org.officebridge.operations.AdminResource;
import org.officebridge.operations.HealthResource;
import org.officebridge.operations.MetricsResource;

/**
 * The connector's JSON endpoints under {@code /api}. Resources are listed explicitly so that the
 * WOPI application under {@code /wopi} does not pick them up too.
 */
@ApplicationPath("/api")
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        HealthResource.class,
        MetricsResource.class,
        AdminResource.class,
        AdminExceptionMapper.class,
        EditorStatusResource.class,
        EditorResource.class,
        EditorExceptionMapper.class);
  }
}
