package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.AccessPolicy;
import org.officebridge.spi.DocumentCatalog;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.SharingService;
import org.officebridge.spi.UserDirectory;
import org.officebridge.spi.VersionHistory;

/**
 * The host is found both ways the connector looks (CDI beans, ServiceLoader providers), exactly
 * once per part, and is written against the SPI only.
 */
class PgHostWiringTest {

  private static final Map<Class<?>, Class<?>> PARTS =
      Map.of(
          DocumentStore.class, PgDocumentStore.class,
          UserDirectory.class, PgUserDirectory.class,
          AccessPolicy.class, PgAccessPolicy.class,
          VersionHistory.class, PgVersionHistory.class,
          SessionStore.class, PgSessionStore.class,
          SharingService.class, PgSharingService.class,
          DocumentCatalog.class, PgDocumentCatalog.class);

  @Test
  void eachPartHasOneServiceLoaderProviderBuiltWithoutTouchingTheDatabase() {
    PARTS.forEach(
        (part, implementation) -> {
          List<?> providers = ServiceLoader.load(part).stream().map(p -> p.get()).toList();
          assertEquals(1, providers.size(), part.getName());
          assertEquals(implementation, providers.get(0).getClass());
        });
  }

  @Test
  void eachPartIsAnApplicationScopedBeanImplementingOnlyItsOwnPart() {
    PARTS.forEach(
        (part, implementation) -> {
          assertTrue(implementation.isAnnotationPresent(ApplicationScoped.class));
          assertEquals(List.of(part), List.of(implementation.getInterfaces()));
        });
  }

  @Test
  void theSourcesImportNoOfficebridgePackageButTheSpi() throws IOException {
    Pattern imports = Pattern.compile("^import (static )?(org\\.officebridge\\.[\\w.]+)\\.\\w+;$");
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        for (String line : Files.readAllLines(file)) {
          Matcher m = imports.matcher(line);
          if (m.matches()) {
            assertTrue(
                m.group(2).equals("org.officebridge.spi")
                    || m.group(2).startsWith("org.officebridge.spi."),
                file + ": " + line);
          }
        }
      }
    }
  }

  @Test
  void theBeansArchiveIsShipped() {
    assertTrue(
        PgDocumentStore.class.getClassLoader().getResource("META-INF/beans.xml") != null,
        "META-INF/beans.xml");
  }
}
