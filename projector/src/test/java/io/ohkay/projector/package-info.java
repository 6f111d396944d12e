/**
 * Tests of the projector's lifecycle, status and the shared test fixtures (events, embedded
 * infrastructure).
 */
@NullMarked
package io.ohkay.projector;

import org.jspecify.annotations.NullMarked;
