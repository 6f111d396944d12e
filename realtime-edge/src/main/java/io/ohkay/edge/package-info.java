/**
 * The realtime edge: the read side for clients (queries over projections, live streams) and its
 * configuration.
 */
@NullMarked
package io.ohkay.edge;

import org.jspecify.annotations.NullMarked;
