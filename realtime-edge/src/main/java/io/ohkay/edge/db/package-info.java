/** PostgreSQL adapter: one small, lazily created r2dbc pool per projected database. */
@NullMarked
package io.ohkay.edge.db;

import org.jspecify.annotations.NullMarked;
