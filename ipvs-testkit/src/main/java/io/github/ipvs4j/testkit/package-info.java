/**
 * Test support for ipvs4j's kernel tier.
 *
 * <p>Kernel-tier tests run against a real kernel with IPVS: inside the throwaway VM of {@code tools/ipvs-vm},
 * or inside a fresh network namespace on a host whose kernel has IPVS ({@code IPVS4J_KERNEL_MODE=netns}).
 * Mark them with {@link io.github.ipvs4j.testkit.KernelTest} (or {@link io.github.ipvs4j.testkit.KernelTier}
 * on a class): they then carry the {@code kernel} tag, which the host tier excludes, and they fail (never
 * skip) when they find themselves anywhere else. Each test can take a fresh {@link
 * io.github.ipvs4j.testkit.TestNetns} and an {@link io.github.ipvs4j.testkit.Ipvsadm} oracle bound to it as
 * parameters.
 *
 * <p>The library itself never starts a process; tests and tools do, through {@link
 * io.github.ipvs4j.testkit.Command}.
 */
package io.github.ipvs4j.testkit;
