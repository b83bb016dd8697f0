package org.officebridge.host;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds which SPI parts a host provides: as CDI beans of the deployment, or else as {@link
 * ServiceLoader} providers on the web application's class loader (server-level libraries). Beans
 * are collected from {@code ProcessBean} events, because a portable extension's bean manager does
 * not see the beans of every archive on every server.
 */
final class SpiDiscovery {

  private SpiDiscovery() {}

  /** The outcome of looking for one part. */
  enum Source {
    CDI,
    SERVICE_LOADER,
    MISSING,
    AMBIGUOUS
  }

  /**
   * @param part an SPI part
   * @param beans every enabled bean of the deployment, whichever archive it comes from
   * @param loader the web application's class loader
   * @return where the part comes from, with the implementing classes
   */
  static Finding find(SpiPart part, Collection<Bean<?>> beans, ClassLoader loader) {
    List<Bean<?>> candidates =
        beans.stream()
            .filter(b -> b.getTypes().contains(part.type()))
            .filter(b -> b.getQualifiers().stream().anyMatch(q -> q instanceof Default))
            .toList();
    List<Bean<?>> alternatives = candidates.stream().filter(Bean::isAlternative).toList();
    List<Bean<?>> chosen = alternatives.isEmpty() ? candidates : alternatives;
    if (chosen.size() == 1) {
      return new Finding(part, Source.CDI, List.of(chosen.get(0).getBeanClass().getName()));
    }
    if (chosen.size() > 1) {
      return new Finding(
          part,
          Source.AMBIGUOUS,
          chosen.stream().map(b -> b.getBeanClass().getName()).sorted().toList());
    }
    List<String> providers = new ArrayList<>();
    ServiceLoader.load(part.type(), loader).stream()
        .forEach(provider -> providers.add(provider.type().getName()));
    if (providers.size() > 1) {
      return new Finding(part, Source.AMBIGUOUS, providers);
    }
    return providers.isEmpty()
        ? new Finding(part, Source.MISSING, List.of())
        : new Finding(part, Source.SERVICE_LOADER, providers);
  }

  /**
   * @param findings one finding per part
   * @return a sentence per missing required part and per ambiguous part
   */
  static List<String> problems(List<Finding> findings) {
    List<String> problems = new ArrayList<>();
    for (Finding f : findings) {
      String type = f.part().type().getName();
      if (f.source() == Source.MISSING && f.part().required()) {
        problems.add(
            "no implementation of the required SPI part "
                + type
                + ": add a CDI bean implementing it to the WAR (WEB-INF/lib) or a server-level"
                + " library with a META-INF/services entry");
      } else if (f.source() == Source.AMBIGUOUS) {
        problems.add(
            "the SPI part "
                + type
                + " is implemented more than once ("
                + String.join(", ", f.classes())
                + "): keep one, or mark one @Alternative @Priority");
      }
    }
    return problems;
  }

  /**
   * @param findings one finding per part
   * @return a one-line summary for the startup log
   */
  static String summary(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                f.part().type().getSimpleName()
                    + "="
                    + (f.classes().isEmpty()
                        ? (f.part().required()
                            ? "MISSING"
                            : "default(" + f.part().withoutIt() + ")")
                        : String.join("+", f.classes())))
        .collect(Collectors.joining(" "));
  }

  /**
   * @param part the part looked for
   * @param source where it was found
   * @param classes the implementing classes
   */
  record Finding(SpiPart part, Source source, List<String> classes) {}
}
