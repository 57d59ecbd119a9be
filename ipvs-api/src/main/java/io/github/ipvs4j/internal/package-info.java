/** Implementation details of the API module: argument checks, literal address parsing. Not exported, not API. */
package io.github.ipvs4j.internal;
