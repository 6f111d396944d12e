/** The Ohkay platform as a benchmark target. */
@NullMarked
package io.ohkay.bench.system;

import org.jspecify.annotations.NullMarked;
