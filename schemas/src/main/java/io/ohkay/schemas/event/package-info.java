/**
 * Events: the facts on the ohkay.&lt;domain&gt;.events topics, each an envelope around a typed
 * payload.
 */
@NullMarked
package io.ohkay.schemas.event;

import org.jspecify.annotations.NullMarked;
