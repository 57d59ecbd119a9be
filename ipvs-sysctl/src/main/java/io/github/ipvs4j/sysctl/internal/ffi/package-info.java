/** Internal: the jnr-ffi binding for {@code setns(2)}. Exported only for jnr-ffi's generated class. Not API. */
package io.github.ipvs4j.sysctl.internal.ffi;
