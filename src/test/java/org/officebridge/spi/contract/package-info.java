/**
 * Contract tests of the SPI, shipped as {@code officebridge-spi-tests.jar}: a host extends each
 * abstract class with its own implementation and runs them with JUnit Jupiter.
 */
package org.officebridge.spi.contract;
