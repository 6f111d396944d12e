package io.ohkay.command.server;

import io.ohkay.command.user.Credentials;
import io.ohkay.command.web.BearerAuth;
import io.ohkay.command.web.CommandIds;
import io.ohkay.command.web.CommandReplies;
import io.ohkay.command.web.Fields;
import io.ohkay.command.web.JsonBodies;
import io.ohkay.command.web.PathIds;
import io.ohkay.command.web.ProblemException;
import io.ohkay.command.web.Problems;
import io.ohkay.schemas.command.AcceptInvite;
import io.ohkay.schemas.command.BanMember;
import io.ohkay.schemas.command.CreateInvite;
import io.ohkay.schemas.command.KickMember;
import io.ohkay.schemas.command.LeaveServer;
import io.ohkay.schemas.command.ServerCommand;
import io.ohkay.schemas.command.UnbanMember;
import io.ohkay.schemas.error.ErrorCode;
import io.ohkay.schemas.event.Event;
import io.ohkay.schemas.event.InviteCreated;
import io.ohkay.schemas.event.InviteSent;
import io.ohkay.schemas.id.CommandId;
import io.ohkay.schemas.id.ServerId;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.outcome.CommandOutcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Membership writes: create (and send) and accept invites, leave, kick, ban and unban. A kick's or
 * ban's optional {@code reason} is a query parameter (at most 512 characters), recorded in its
 * {@code member.kicked} or {@code member.banned}.
 */
public final class MembershipRoutes {

  private static final int MAX_BODY_BYTES = 4 * 1024;
  private static final int MAX_REASON = 512;
  private static final int CODE_LENGTH = 10;
  private static final String ALPHABET =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9]{4,32}$");
  private static final Duration MAX_INVITE_LIFETIME = Duration.ofDays(30);

  private final ServerCommands commands;
  private final BearerAuth auth;
  private final InviteDirectory invites;
  private final Credentials accounts;

  public MembershipRoutes(
      ServerCommands commands, BearerAuth auth, InviteDirectory invites, Credentials accounts) {
    this.commands = commands;
    this.auth = auth;
    this.invites = invites;
    this.accounts = accounts;
  }

  public RouterFunction<ServerResponse> routes() {
    return RouterFunctions.route()
        .POST("/api/servers/{serverId}/invites", this::createInvite)
        .POST("/api/invites/{code}/accept", this::acceptInvite)
        .DELETE("/api/servers/{serverId}/members/{userId}", this::removeMember)
        .POST("/api/servers/{serverId}/bans/{userId}", this::ban)
        .DELETE("/api/servers/{serverId}/bans/{userId}", this::unban)
        .filter(Problems.filter())
        .build();
  }

  /**
   * {@code {"maxUses": 1..1000?, "expiresInSeconds": 60..2592000?, "inviteeId": user id?}}; an
   * invitee (a live account, not the caller) is sent the invite.
   */
  record InviteRequest(
      @Nullable Integer maxUses, @Nullable Long expiresInSeconds, @Nullable String inviteeId) {}

  private Mono<ServerResponse> createInvite(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                JsonBodies.read(request, InviteRequest.class, MAX_BODY_BYTES)
                    .flatMap(
                        body -> {
                          var actor = caller.userId();
                          var id = CommandIds.of(request, actor);
                          return invite(server, id, actor, body)
                              .flatMap(command -> commands.submit(id, actor, command))
                              .flatMap(
                                  outcome ->
                                      CommandReplies.reply(
                                          id,
                                          outcome,
                                          HttpStatus.CREATED,
                                          MembershipRoutes::invite));
                        }));
  }

  private Mono<CreateInvite> invite(
      ServerId server, CommandId id, UserId actor, InviteRequest body) {
    if (body.maxUses() != null && (body.maxUses() < 1 || body.maxUses() > 1000)) {
      throw invalid("maxUses must be 1 to 1000.");
    }
    var lifetime = body.expiresInSeconds();
    if (lifetime != null && (lifetime < 60 || lifetime > MAX_INVITE_LIFETIME.toSeconds())) {
      throw invalid("expiresInSeconds must be 60 to " + MAX_INVITE_LIFETIME.toSeconds() + ".");
    }
    var expiresAt = lifetime == null ? null : commands.clock().instant().plusSeconds(lifetime);
    var invite = new CreateInvite(server, codeOf(id), expiresAt, body.maxUses());
    if (body.inviteeId() == null) {
      return Mono.just(invite);
    }
    return accounts
        .otherAccount(actor, invitee(body.inviteeId()))
        .map(
            found ->
                new CreateInvite(
                    server, invite.code(), invite.expiresAt(), invite.maxUses(), found));
  }

  private static UserId invitee(String inviteeId) {
    try {
      return UserId.parse(inviteeId);
    } catch (IllegalArgumentException e) {
      throw invalid("inviteeId must be a user id.");
    }
  }

  /** A code derived from the command id: a retried request creates the same invite. */
  static String codeOf(CommandId id) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("invite:" + id).getBytes(StandardCharsets.UTF_8));
      var code = new StringBuilder(CODE_LENGTH);
      for (var i = 0; i < CODE_LENGTH; i++) {
        code.append(ALPHABET.charAt(Byte.toUnsignedInt(digest[i]) % ALPHABET.length()));
      }
      return code.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static Map<String, Object> invite(CommandOutcome outcome) {
    var created = (InviteCreated) outcome.events().getFirst().payload();
    var body = new LinkedHashMap<String, Object>();
    body.put("code", created.code());
    body.put("serverId", created.serverId());
    body.put("createdBy", created.createdBy());
    body.put("expiresAt", created.expiresAt());
    body.put("maxUses", created.maxUses());
    body.put("url", "/api/invites/" + created.code() + "/accept");
    outcome.events().stream()
        .map(Event::payload)
        .filter(InviteSent.class::isInstance)
        .map(InviteSent.class::cast)
        .findFirst()
        .ifPresent(sent -> body.put("inviteeId", sent.inviteeId()));
    return body;
  }

  private Mono<ServerResponse> acceptInvite(ServerRequest request) {
    var code = request.pathVariable("code");
    if (!CODE.matcher(code).matches()) {
      throw new ProblemException(ErrorCode.INVITE_NOT_FOUND, "No such invite.");
    }
    return auth.authenticate(request)
        .flatMap(
            caller ->
                Mono.fromCallable(() -> invites.serverOf(code))
                    .subscribeOn(Schedulers.boundedElastic())
                    .flatMap(
                        server -> {
                          var found =
                              server.orElseThrow(
                                  () ->
                                      new ProblemException(
                                          ErrorCode.INVITE_NOT_FOUND, "No such invite."));
                          var id = CommandIds.of(request, caller.userId());
                          return commands
                              .submit(id, caller.userId(), new AcceptInvite(found, code))
                              .flatMap(
                                  outcome ->
                                      CommandReplies.reply(
                                          id,
                                          outcome,
                                          HttpStatus.OK,
                                          accepted -> Map.of("serverId", found)));
                        }));
  }

  private Mono<ServerResponse> removeMember(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var target = request.pathVariable("userId");
    return auth.authenticate(request)
        .flatMap(
            caller -> {
              ServerCommand command =
                  target.equals("me")
                      ? new LeaveServer(server)
                      : new KickMember(
                          server, PathIds.get(request, "userId", UserId::parse), reason(request));
              return noContent(request, caller.userId(), command);
            });
  }

  private Mono<ServerResponse> ban(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var target = PathIds.get(request, "userId", UserId::parse);
    return auth.authenticate(request)
        .flatMap(
            caller ->
                noContent(
                    request, caller.userId(), new BanMember(server, target, reason(request))));
  }

  private Mono<ServerResponse> unban(ServerRequest request) {
    var server = PathIds.get(request, "serverId", ServerId::parse);
    var target = PathIds.get(request, "userId", UserId::parse);
    return auth.authenticate(request)
        .flatMap(caller -> noContent(request, caller.userId(), new UnbanMember(server, target)));
  }

  private Mono<ServerResponse> noContent(
      ServerRequest request, UserId actor, ServerCommand command) {
    var id = CommandIds.of(request, actor);
    return commands
        .submit(id, actor, command)
        .flatMap(
            outcome -> CommandReplies.reply(id, outcome, HttpStatus.NO_CONTENT, o -> Map.of()));
  }

  private static @Nullable String reason(ServerRequest request) {
    return request
        .queryParam("reason")
        .filter(r -> !r.isBlank())
        .map(r -> Fields.text(r, "reason", 1, MAX_REASON))
        .orElse(null);
  }

  private static ProblemException invalid(String detail) {
    return new ProblemException(ErrorCode.VALIDATION_FAILED, detail);
  }
}
