/**
 * Operator tooling: rebuild a database from the events topics, verify two databases are equal, and
 * the CLI.
 */
@NullMarked
package io.ohkay.projector.rebuild;

import org.jspecify.annotations.NullMarked;
