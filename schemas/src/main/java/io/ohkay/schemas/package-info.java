/** The contract shared by every Ohkay service: ids, commands, events, outcomes and topics. */
@NullMarked
package io.ohkay.schemas;

import org.jspecify.annotations.NullMarked;
