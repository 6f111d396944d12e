/**
 * Embedded infrastructure: a real Kafka broker (KRaft, in a child JVM) and a real PostgreSQL
 * server, kept under a local data directory, for the all-in-one platform and for the tests of every
 * module.
 */
@NullMarked
package io.ohkay.platform.infra;

import org.jspecify.annotations.NullMarked;
