/**
 * What the scenario commands share: their common options, option checks, progress, results, and
 * measuring one target after another.
 */
@NullMarked
package io.ohkay.bench.command;

import org.jspecify.annotations.NullMarked;
