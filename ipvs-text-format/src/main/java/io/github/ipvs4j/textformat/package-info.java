/**
 * ipvsadm's text formats: {@link io.github.ipvs4j.textformat.SaveParser} reads what {@code ipvsadm -R} reads (one
 * ipvsadm invocation per line) into {@link io.github.ipvs4j.IpvsCommand}s or an {@link io.github.ipvs4j.IpvsTable};
 * {@link io.github.ipvs4j.textformat.SavePrinter} writes {@code ipvsadm -S [-n]}; {@link
 * io.github.ipvs4j.textformat.ListingPrinter} writes the {@code ipvsadm -L} listings.
 *
 * <p>The reference is the real ipvsadm 1.31 (as shipped by Debian 12) on a real kernel: the kernel-tier tests compare
 * every printer byte for byte with it. Where ipvsadm's behaviour is surprising, the classes say so and reproduce it.
 * Nothing here does DNS unless a {@link io.github.ipvs4j.textformat.HostResolver} that does is given.
 */
package io.github.ipvs4j.textformat;
