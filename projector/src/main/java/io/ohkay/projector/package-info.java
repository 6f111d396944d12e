/**
 * The projector: turns the events topics into PostgreSQL rows; Spring wiring, lifecycle, status and
 * health.
 */
@NullMarked
package io.ohkay.projector;

import org.jspecify.annotations.NullMarked;
