/** Outcomes: the decider's answer to each command on ohkay.command-outcomes. */
@NullMarked
package io.ohkay.schemas.outcome;

import org.jspecify.annotations.NullMarked;
