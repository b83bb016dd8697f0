/**
 * The benchmark harness ({@code bench/run}): the connector on Payara Micro against baselines served
 * by the same server in the same run (a static file, a static page, an empty JAX-RS endpoint), the
 * shared lock store on two Hazelcast members, and JMH microbenchmarks. Writes {@code
 * docs/benchmarks.md} and its plot. Never part of an artifact.
 */
package org.officebridge.bench;
