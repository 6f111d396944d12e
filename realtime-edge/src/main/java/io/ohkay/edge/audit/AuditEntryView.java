package io.ohkay.edge.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One entry of {@code GET /api/servers/{id}/audit-log}.
 *
 * @param id the id of the event it records
 * @param action what was done ({@code MEMBER_KICK}, {@code ROLE_CREATE}...)
 * @param actorId who did it
 * @param targetId whom or what it was done to
 * @param details the event's other fields, a JSON object
 */
record AuditEntryView(
    UUID id,
    String action,
    @Nullable UUID actorId,
    @Nullable UUID targetId,
    @Nullable String reason,
    JsonNode details,
    Instant occurredAt) {}
