package dev.scopelinks.host.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** Placeholder until protobuf request bodies are decoded. */
final class ProtobufObjects {

    private ProtobufObjects() {
    }

    static Optional<JsonNode> decode(byte[] body, ObjectMapper json) {
        return Optional.empty();
    }
}
