/** The all-in-one launcher: the write side, the projector and the edge in one JVM. */
@NullMarked
package io.ohkay.platform;

import org.jspecify.annotations.NullMarked;
