/**
 * Sync-key replication jobs on Debezium's embedded PostgreSQL connector and the database API of
 * seed 001 (DESIGN §8). A skeleton until the replication issue: nothing runs yet.
 */
@NullMarked
package io.ohkay.replicator;

import org.jspecify.annotations.NullMarked;
