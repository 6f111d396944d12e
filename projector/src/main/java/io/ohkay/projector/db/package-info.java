/**
 * PostgreSQL adapter: database names, creation, Flyway migrations per database kind and connection
 * pools.
 */
@NullMarked
package io.ohkay.projector.db;

import org.jspecify.annotations.NullMarked;
