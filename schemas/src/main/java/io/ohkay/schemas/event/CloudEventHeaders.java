package io.ohkay.schemas.event;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 Kafka binary-mode headers for an event, so any Kafka client can read our topics
 * without our code: {@code ce_specversion, ce_id, ce_type, ce_source, ce_time, ce_subject}.
 */
public final class CloudEventHeaders {

  /** The content type of every event value. */
  public static final String CONTENT_TYPE = "application/json";

  /** The {@code ce_source} of every event the decider writes. */
  public static final String DECIDER_SOURCE = "/ohkay/decider";

  private CloudEventHeaders() {}

  /** The headers of {@code event}, in order, as UTF-8 bytes; {@code source} names the producer. */
  public static Map<String, byte[]> of(Event event, String source) {
    var headers = new LinkedHashMap<String, byte[]>();
    headers.put("ce_specversion", utf8("1.0"));
    headers.put("ce_id", utf8(event.eventId().toString()));
    headers.put("ce_type", utf8(event.type()));
    headers.put("ce_source", utf8(source));
    headers.put("ce_time", utf8(event.occurredAt().toString()));
    headers.put("ce_subject", utf8(event.aggregateId().toString()));
    headers.put("content-type", utf8(CONTENT_TYPE));
    return headers;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
