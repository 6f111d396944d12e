package io.ohkay.edge.audit;

import io.ohkay.edge.position.ReadYourWrites;
import io.ohkay.edge.server.ServerAccess;
import io.ohkay.edge.server.ServerDirectory;
import io.ohkay.edge.web.Authenticator;
import io.ohkay.edge.web.ProblemException;
import io.ohkay.edge.web.RequestIds;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.json.Json;
import io.ohkay.schemas.permission.Permission;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/servers/{serverId}/audit-log?before=&limit=}: {@code {"entries": [...],
 * "hasMore": bool}}, newest first, for members holding {@code MANAGE_SERVER} ({@code
 * MISSING_PERMISSION} for other members, {@code SERVER_NOT_FOUND} for non-members).
 */
final class AuditHandler {

  private static final String SEQ_OF_ENTRY = "select seq from audit_log where id = :entry";

  private static final String ENTRIES =
      """
      select id, action, actor_id, target_id, reason, details::text as details, occurred_at
      from audit_log where seq < :below
      order by seq desc, id desc
      limit :limit""";

  /** The response body; {@code hasMore} says whether older entries lie beyond the page. */
  record AuditPage(List<AuditEntryView> entries, boolean hasMore) {}

  private final Authenticator authenticator;
  private final ServerDirectory directory;
  private final ReadYourWrites readYourWrites;

  AuditHandler(
      Authenticator authenticator, ServerDirectory directory, ReadYourWrites readYourWrites) {
    this.authenticator = authenticator;
    this.directory = directory;
    this.readYourWrites = readYourWrites;
  }

  Mono<ServerResponse> list(ServerRequest request) {
    var user = authenticator.require(request).userId();
    var server = new ServerId(RequestIds.path(request, "serverId"));
    var page = AuditPageRequest.from(request.queryParams());
    return directory
        .open(user, server, readYourWrites.of(request))
        .flatMap(access -> access.require(Permission.MANAGE_SERVER))
        .flatMap(access -> page(access, page).flatMap(entries -> access.freshness().ok(entries)));
  }

  private static Mono<AuditPage> page(ServerAccess access, AuditPageRequest request) {
    var before = request.before();
    var below = before == null ? Mono.just(Long.MAX_VALUE) : seqOf(access, before);
    return below.flatMap(seq -> entries(access, seq, request.limit()));
  }

  private static Mono<Long> seqOf(ServerAccess access, UUID entry) {
    return access
        .database()
        .sql(SEQ_OF_ENTRY)
        .bind("entry", entry)
        .map(row -> row.get("seq", Long.class))
        .one()
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ProblemException(
                        ErrorCode.INVALID_CURSOR, "before is not an entry of this audit log.")));
  }

  private static Mono<AuditPage> entries(ServerAccess access, long below, int limit) {
    return access
        .database()
        .sql(ENTRIES)
        .bind("below", below)
        .bind("limit", limit + 1)
        .map(AuditHandler::entry)
        .all()
        .collectList()
        .map(
            rows ->
                new AuditPage(
                    List.copyOf(rows.size() > limit ? rows.subList(0, limit) : rows),
                    rows.size() > limit));
  }

  private static AuditEntryView entry(Readable row) {
    var details = row.get("details", String.class);
    return new AuditEntryView(
        row.get("id", UUID.class),
        row.get("action", String.class),
        row.get("actor_id", UUID.class),
        row.get("target_id", UUID.class),
        row.get("reason", String.class),
        Json.mapper().readTree(details == null ? "{}" : details),
        row.get("occurred_at", Instant.class));
  }
}
