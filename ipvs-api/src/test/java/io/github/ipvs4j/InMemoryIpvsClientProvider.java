package io.github.ipvs4j;

import io.github.ipvs4j.testing.InMemoryIpvsClient;

import io.github.ipvs4j.spi.IpvsClientProvider;

/** Provides {@link InMemoryIpvsClient} to {@link Ipvs#open()} in this module's tests. */
public final class InMemoryIpvsClientProvider implements IpvsClientProvider {
  /** For the ServiceLoader. */
  public InMemoryIpvsClientProvider() {}

  @Override
  public String name() {
    return "in-memory (tests)";
  }

  @Override
  public IpvsClient open(IpvsOptions options) {
    return new InMemoryIpvsClient();
  }
}
