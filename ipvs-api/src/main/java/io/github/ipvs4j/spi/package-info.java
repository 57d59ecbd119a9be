/**
 * The service-provider interface through which {@link io.github.ipvs4j.Ipvs#open()} finds an {@link
 * io.github.ipvs4j.IpvsClient} implementation. Users need it only to write an implementation.
 */
package io.github.ipvs4j.spi;
