package io.ohkay.bench.history;

import io.ohkay.bench.target.HistoryTarget;
import io.ohkay.schemas.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The system: the edge's history route, {@code GET <historyPath>?before=<id>&limit=<n>} with the
 * user's token, over one HTTP/1.1 keep-alive connection. The body is received whole; its JSON is
 * parsed after the clock stops.
 */
final class HttpPages implements PageReader<byte[]> {

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI history;
  private final String authorization;
  private final int pageSize;

  HttpPages(HistoryTarget target, int pageSize) {
    this.history = target.baseUrl().resolve(target.historyPath());
    this.authorization = "Bearer " + target.bearerToken();
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return "system";
  }

  @Override
  public byte[] read(Cursors.Cursor cursor) throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(
                URI.create(history + "?before=" + cursor.messageId() + "&limit=" + pageSize))
            .header("Authorization", authorization)
            .GET()
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(
          "HTTP "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  @Override
  public List<Long> seqs(byte[] body) {
    var seqs = new ArrayList<Long>();
    Json.mapper().readTree(body).path("messages").forEach(m -> seqs.add(m.path("seq").asLong()));
    return seqs;
  }

  @Override
  public void close() {
    http.close();
  }
}
