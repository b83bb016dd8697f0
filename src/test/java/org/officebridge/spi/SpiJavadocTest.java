package org.officebridge.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every type and member of the SPI carries a complete Javadoc contract (doclint, all groups). */
class SpiJavadocTest {

  @Test
  void theSpiPassesDoclintWithoutAWarning(@TempDir Path out) throws Exception {
    List<Path> sources;
    try (Stream<Path> files = Files.list(Path.of("src/main/java/org/officebridge/spi"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).toList();
    }
    assertTrue(sources.size() > 20);
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, null, null)) {
      boolean ok =
          javadoc
              .getTask(
                  log,
                  files,
                  diagnostics,
                  null,
                  List.of("-Xdoclint:all", "-quiet", "-d", out.toString()),
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertTrue(ok, log.toString());
    }
    assertEquals(List.of(), diagnostics.getDiagnostics().stream().map(Object::toString).toList());
  }
}
