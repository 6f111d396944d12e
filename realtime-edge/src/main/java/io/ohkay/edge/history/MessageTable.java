package io.ohkay.edge.history;

/**
 * A table of messages ordered by {@code seq} within a scope, with {@code id} and {@code seq}
 * columns, {@code (scopeColumn, seq)} indexed.
 *
 * @param name the table, e.g. {@code messages}
 * @param scopeColumn the column naming the history a message belongs to, e.g. {@code channel_id}
 * @param columns the select list of a message row
 * @param scope what the scope is called in a refusal, e.g. {@code channel}
 */
public record MessageTable(String name, String scopeColumn, String columns, String scope) {}
