/**
 * The service provider interface a host DMS implements: document content and metadata, users,
 * access rights, and optional capabilities (version history, editing sessions and locks, sharing,
 * templates, favourites and recent files, document catalog).
 *
 * <p>Pure Java: no {@code jakarta.*} import, no dependency on any other officebridge package. It is
 * published as {@code officebridge-spi.jar}; its contract tests as {@code
 * officebridge-spi-tests.jar}.
 *
 * <p><b>Threading, for every interface here:</b> implementations are called concurrently from many
 * request threads and must be thread-safe. <b>Nullability:</b> no parameter is {@code null} and no
 * method returns {@code null}; "maybe" is {@link java.util.Optional}. <b>Streams:</b> a stream
 * passed <em>into</em> a method is owned and closed by the connector; a stream <em>returned</em>
 * (inside {@link org.officebridge.spi.Content} or directly) is owned and closed by the connector.
 * <b>Lifecycle:</b> CDI beans follow their scope; a part found through {@link
 * java.util.ServiceLoader} is created once with its public no-argument constructor and, if it
 * implements {@link AutoCloseable}, closed when the application stops. <b>Failures:</b> an outcome
 * the connector handles is a checked {@link org.officebridge.spi.HostException}; anything else (a
 * bug, a permanent misconfiguration) is an unchecked exception, which the connector answers as an
 * internal error without details.
 */
package org.officebridge.spi;
