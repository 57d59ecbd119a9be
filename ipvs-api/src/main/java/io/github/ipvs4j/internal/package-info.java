/**
 * Implementation details of the API module: argument checks, literal address parsing, the service-key order, and the
 * ordered destination list a save-file reader builds. Not API: exported only to the text-format module (for
 * {@link io.github.ipvs4j.internal.AscendingDestinations}).
 */
package io.github.ipvs4j.internal;
