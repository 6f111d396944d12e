/** The topic catalogue: every topic's name, key and value type. */
@NullMarked
package io.ohkay.schemas.topic;

import org.jspecify.annotations.NullMarked;
