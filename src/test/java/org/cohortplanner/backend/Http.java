package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A test's HTTP client for the backend: one call per line, JSON answers read into trees. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        String etag() {
            return response.headers().firstValue("ETag").orElse(null);
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String body() {
            return response.body();
        }
    }

    private final HttpClient client;
    private final String base;

    Http(String base) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base);
    }

    Http(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Answer send(String method, String path, String token, String body, String ifMatch, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
