package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the protobuf request bodies kubectl's typed commands send ({@code kubectl create deployment
 * web --image=nginx} posts {@code application/vnd.kubernetes.protobuf}, and never retries as JSON)
 * into the JSON the store keeps. It knows the field numbers of the core, apps and batch objects
 * from {@code k8s-protobuf.fields}; zero values are dropped, as JSON's {@code omitempty} would.
 */
final class ProtobufObjects {

    private static final byte[] MAGIC = {'k', '8', 's', 0};
    private static final Map<String, Map<Integer, Field>> SCHEMA = load();

    private ProtobufObjects() {
    }

    private record Field(String name, String type, boolean repeated, boolean map) {
    }

    /** The object in {@code body}, or empty when it is not a Kubernetes protobuf object this class knows. */
    static Optional<JsonNode> decode(byte[] body, ObjectMapper json) {
        if (body.length < MAGIC.length || body[0] != 'k' || body[1] != '8' || body[2] != 's' || body[3] != 0) {
            return Optional.empty();
        }
        try {
            Reader envelope = new Reader(body, MAGIC.length, body.length);
            String apiVersion = null;
            String kind = null;
            byte[] raw = null;
            while (envelope.more()) {
                long tag = envelope.varint();
                int number = (int) (tag >>> 3);
                if (number == 1 && (tag & 7) == 2) {
                    Reader typeMeta = envelope.sub();
                    while (typeMeta.more()) {
                        long inner = typeMeta.varint();
                        if ((inner >>> 3) == 1) {
                            apiVersion = typeMeta.string();
                        } else if ((inner >>> 3) == 2) {
                            kind = typeMeta.string();
                        } else {
                            typeMeta.skip((int) (inner & 7));
                        }
                    }
                } else if (number == 2 && (tag & 7) == 2) {
                    raw = envelope.bytes();
                } else {
                    envelope.skip((int) (tag & 7));
                }
            }
            if (kind == null || raw == null || !SCHEMA.containsKey(kind)) {
                return Optional.empty();
            }
            ObjectNode object = json.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
            object.setAll(message(new Reader(raw, 0, raw.length), kind));
            return Optional.of(object);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ObjectNode message(Reader in, String type) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Map<Integer, Field> fields = SCHEMA.getOrDefault(type, Map.of());
        while (in.more()) {
            long tag = in.varint();
            int wire = (int) (tag & 7);
            Field field = fields.get((int) (tag >>> 3));
            if (field == null) {
                in.skip(wire);
                continue;
            }
            if (field.map()) {
                Reader entry = in.sub();
                String key = "";
                JsonNode value = JsonNodeFactory.instance.textNode("");
                while (entry.more()) {
                    long inner = entry.varint();
                    if ((inner >>> 3) == 1) {
                        key = entry.string();
                    } else if ((inner >>> 3) == 2) {
                        value = value(entry, field.type(), (int) (inner & 7));
                    } else {
                        entry.skip((int) (inner & 7));
                    }
                }
                ObjectNode map = node.has(field.name()) ? (ObjectNode) node.get(field.name())
                        : node.putObject(field.name());
                map.set(key, value);
            } else if (field.repeated()) {
                ArrayNode array = node.has(field.name()) ? (ArrayNode) node.get(field.name())
                        : node.putArray(field.name());
                if (wire == 2 && isPackable(field.type())) {
                    Reader packed = in.sub();
                    while (packed.more()) {
                        array.add(value(packed, field.type(), field.type().equals("double") ? 1 : 0));
                    }
                } else {
                    array.add(value(in, field.type(), wire));
                }
            } else {
                JsonNode value = value(in, field.type(), wire);
                if (!isEmpty(value)) {
                    node.set(field.name(), value);
                }
            }
        }
        return node;
    }

    private static JsonNode value(Reader in, String type, int wire) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (type) {
            case "string" -> nodes.textNode(in.string());
            case "bytes" -> nodes.textNode(Base64.getEncoder().encodeToString(in.bytes()));
            case "bool" -> nodes.booleanNode(in.varint() != 0);
            case "int32" -> nodes.numberNode((int) in.varint());
            case "int64" -> nodes.numberNode(in.varint());
            case "double" -> nodes.numberNode(Double.longBitsToDouble(in.fixed64()));
            case "Time", "MicroTime" -> time(in.sub());
            case "Quantity" -> nodes.textNode(message(in.sub(), "-").path("string").asText(""));
            case "IntOrString" -> intOrString(in.sub());
            default -> wire == 2 ? message(in.sub(), type) : skipped(in, wire);
        };
    }

    private static JsonNode skipped(Reader in, int wire) {
        in.skip(wire);
        return JsonNodeFactory.instance.nullNode();
    }

    private static JsonNode time(Reader in) {
        long seconds = 0;
        long nanos = 0;
        while (in.more()) {
            long tag = in.varint();
            if ((tag >>> 3) == 1) {
                seconds = in.varint();
            } else if ((tag >>> 3) == 2) {
                nanos = in.varint();
            } else {
                in.skip((int) (tag & 7));
            }
        }
        return seconds == 0 && nanos == 0 ? JsonNodeFactory.instance.nullNode()
                : JsonNodeFactory.instance.textNode(Instant.ofEpochSecond(seconds, nanos).toString());
    }

    private static JsonNode intOrString(Reader in) {
        long kind = 0;
        long number = 0;
        String text = "";
        while (in.more()) {
            long tag = in.varint();
            switch ((int) (tag >>> 3)) {
                case 1 -> kind = in.varint();
                case 2 -> number = in.varint();
                case 3 -> text = in.string();
                default -> in.skip((int) (tag & 7));
            }
        }
        return kind == 1 ? JsonNodeFactory.instance.textNode(text) : JsonNodeFactory.instance.numberNode((int) number);
    }

    private static boolean isPackable(String type) {
        return type.equals("int32") || type.equals("int64") || type.equals("bool") || type.equals("double");
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isNull() || (value.isTextual() && value.asText().isEmpty())
                || (value.isNumber() && value.asDouble() == 0) || (value.isBoolean() && !value.asBoolean())
                || (value.isContainerNode() && value.isEmpty());
    }

    private static Map<String, Map<Integer, Field>> load() {
        Map<String, Map<Integer, Field>> schema = new HashMap<>();
        try (InputStream in = ProtobufObjects.class.getResourceAsStream("k8s-protobuf.fields")) {
            if (in == null) {
                throw new IllegalStateException("k8s-protobuf.fields is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                Map<Integer, Field> fields = new HashMap<>();
                for (int i = 1; i < parts.length; i++) {
                    String[] field = parts[i].split(":");
                    boolean map = field[2].equals("map");
                    String type = map ? field[3] : field[2];
                    boolean repeated = type.startsWith("*");
                    fields.put(Integer.parseInt(field[0]),
                            new Field(field[1], repeated ? type.substring(1) : type, repeated, map));
                }
                schema.put(parts[0], Map.copyOf(fields));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A Quantity is a message with its canonical string in field 1.
        schema.put("-", Map.of(1, new Field("string", "string", false, false)));
        return Map.copyOf(schema);
    }

    /** A bounded view of protobuf bytes. */
    private static final class Reader {
        private final byte[] bytes;
        private int position;
        private final int end;

        Reader(byte[] bytes, int position, int end) {
            this.bytes = bytes;
            this.position = position;
            this.end = end;
        }

        boolean more() {
            return position < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("malformed varint");
        }

        long fixed64() {
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value |= (long) (bytes[position++] & 0xff) << (8 * i);
            }
            return value;
        }

        Reader sub() {
            int length = (int) varint();
            if (length < 0 || position + length > end) {
                throw new IllegalArgumentException("truncated message");
            }
            Reader sub = new Reader(bytes, position, position + length);
            position += length;
            return sub;
        }

        byte[] bytes() {
            Reader sub = sub();
            byte[] copy = new byte[sub.end - sub.position];
            System.arraycopy(bytes, sub.position, copy, 0, copy.length);
            return copy;
        }

        String string() {
            Reader sub = sub();
            return new String(bytes, sub.position, sub.end - sub.position, StandardCharsets.UTF_8);
        }

        void skip(int wire) {
            switch (wire) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> sub();
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wire);
            }
        }
    }
}
