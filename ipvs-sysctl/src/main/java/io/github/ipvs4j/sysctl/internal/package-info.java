/** Internal: the namespace runner, the recipe engine and the rtnetlink codec. Not API; not exported. */
package io.github.ipvs4j.sysctl.internal;
