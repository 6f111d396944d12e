/** Starts the embedded Kafka broker and PostgreSQL when no external ones are configured. */
@NullMarked
package io.ohkay.platform.embedded;

import org.jspecify.annotations.NullMarked;
