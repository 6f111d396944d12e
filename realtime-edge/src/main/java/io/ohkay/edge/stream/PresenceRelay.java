package io.ohkay.edge.stream;

import io.ohkay.edge.presence.PresenceEvents;
import io.ohkay.edge.presence.PresenceListener;
import io.ohkay.edge.presence.PresenceStatus;
import io.ohkay.schemas.id.UserId;
import io.ohkay.schemas.signal.Typing;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Streams the presence board's news, with no cursor (nothing ephemeral moves a client's position):
 * a status change to the people sharing a server with the user and to their direct-message partners
 * (both read from the databases for the changes queued meanwhile at once, off the board's thread,
 * and each connection given those changes in one batch); a typing signal at once to those who may
 * see where it is typed ({@link StreamHub#typing}).
 */
final class PresenceRelay implements PresenceListener {

  private record Change(UserId user, PresenceStatus status) {}

  /** Who a change of a user may reach: their servers and their conversations' partners. */
  private record Reach(List<UUID> servers, List<UUID> partners) {}

  private final StreamHub hub;
  private final OrderedLookups<Change, Reach> changes;

  /**
   * @param hub the hub streaming the events
   * @param serversOf the servers each of some users is a member of, by user (the registry)
   * @param partnersOf the other participants of each of some users' direct-message conversations,
   *     by user
   */
  PresenceRelay(
      StreamHub hub,
      Function<Collection<UserId>, Mono<Map<UUID, List<UUID>>>> serversOf,
      Function<Collection<UserId>, Mono<Map<UUID, List<UUID>>>> partnersOf) {
    this.hub = hub;
    this.changes =
        new OrderedLookups<>(
            "presence change",
            changes -> {
              var users = changes.stream().map(Change::user).distinct().toList();
              return Mono.zip(
                  serversOf.apply(users),
                  partnersOf.apply(users),
                  (servers, partners) ->
                      changes.stream()
                          .map(
                              change ->
                                  new Reach(
                                      servers.getOrDefault(change.user().value(), List.of()),
                                      partners.getOrDefault(change.user().value(), List.of())))
                          .toList());
            },
            new Reach(List.of(), List.of()),
            this::deliver,
            hub::flushStaged);
  }

  @Override
  public void presenceChanged(UserId user, PresenceStatus status) {
    changes.submit(new Change(user, status));
  }

  @Override
  public void typing(Typing typing) {
    hub.typing(typing, event(PresenceEvents.TYPING, PresenceEvents.typing(typing)));
  }

  private void deliver(Change change, Reach reach) {
    var data = PresenceEvents.presence(change.user(), change.status());
    hub.presence(
        change.user(), reach.servers(), reach.partners(), event(PresenceEvents.PRESENCE, data));
  }

  private static StreamEvent event(String name, String data) {
    return StreamEvent.ephemeral(name, data);
  }
}
