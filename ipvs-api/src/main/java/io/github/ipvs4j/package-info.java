/** The IPVS model and client API. */
package io.github.ipvs4j;
