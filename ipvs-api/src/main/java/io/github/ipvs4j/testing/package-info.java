/**
 * Test support for code that uses ipvs4j: {@link io.github.ipvs4j.testing.InMemoryIpvsClient}, a fake client that
 * keeps the table in memory. A fake for unit tests, never proof of kernel behaviour.
 */
package io.github.ipvs4j.testing;
