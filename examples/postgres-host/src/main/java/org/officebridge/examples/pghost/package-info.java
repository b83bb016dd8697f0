/**
 * An example officebridge host on PostgreSQL: documents and their versions (content as chunked
 * blobs), users, groups, rights, sharing, favourites, editing sessions, locks and event markers,
 * all in tables of one database, with every compare-and-set done in SQL.
 *
 * <p>Depends on the published SPI ({@code org.officebridge.spi}) and the PostgreSQL JDBC driver
 * only, never on other officebridge packages. The classes are CDI beans and {@code ServiceLoader}
 * providers at once; {@link org.officebridge.examples.pghost.PgHostSettings} names the settings.
 */
package org.officebridge.examples.pghost;
