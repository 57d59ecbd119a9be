/**
 * The ipvs4j API: a typed model of Linux IPVS, the {@link io.github.ipvs4j.IpvsClient} to read and change it, and
 * the {@link io.github.ipvs4j.IpvsException} hierarchy. One package, so that {@code import io.github.ipvs4j.*;}
 * (and {@code import static io.github.ipvs4j.ServiceKey.*; import static io.github.ipvs4j.Scheduler.*;}) is all a
 * JShell session needs.
 *
 * <h2>The model</h2>
 *
 * Identity, specification and status are kept apart: {@link io.github.ipvs4j.ServiceKey} identifies a service,
 * {@link io.github.ipvs4j.VirtualService} specifies it, {@link io.github.ipvs4j.ServiceStatus} is what a read
 * returns; likewise {@link io.github.ipvs4j.Destination} and {@link io.github.ipvs4j.DestinationStatus}. {@link
 * io.github.ipvs4j.IpvsTable} holds a whole configuration. Every type is an immutable value that checks its arguments
 * when built ({@link io.github.ipvs4j.InvalidValueException} names the field, the value and what is allowed), and
 * accepts every value the kernel can report, so reading never fails on a legal kernel value.
 *
 * <h2>Changes</h2>
 *
 * Every change is an {@link io.github.ipvs4j.IpvsCommand}, one per ipvsadm operation; {@link
 * io.github.ipvs4j.IpvsClient#execute(java.util.List)} runs a list as a batch.
 */
package io.github.ipvs4j;
