/**
 * The soak driver ({@code bin/soak}): one node on Payara Micro and the Document Server stand-in,
 * many simulated editing sessions (Docs API and WOPI) for a long time; records errors, latency per
 * operation and the server's heap and thread trend, and writes them into {@code
 * docs/reliability.md}. Never part of an artifact.
 */
package org.officebridge.soak;
