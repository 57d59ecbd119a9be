/**
 * {@code jipvsadm}: an {@code ipvsadm}-compatible command line on ipvs4j. {@link io.github.ipvs4j.cli.Jipvsadm} is
 * the entry point; {@link io.github.ipvs4j.cli.IpvsadmMessages} gives ipvsadm's words for kernel refusals.
 */
package io.github.ipvs4j.cli;
