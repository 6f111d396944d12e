/** Commands: intents appended by the command API to the ohkay.&lt;domain&gt;.commands topics. */
@NullMarked
package io.ohkay.schemas.command;

import org.jspecify.annotations.NullMarked;
