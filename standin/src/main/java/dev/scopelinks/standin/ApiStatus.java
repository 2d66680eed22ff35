package dev.scopelinks.standin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code Status} objects, the body every real API server error has, so clients print a useful message. */
final class ApiStatus {

    private ApiStatus() {
    }

    static ObjectNode failure(ObjectMapper json, int code, String reason, String message) {
        ObjectNode status = json.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure").put("message", message).put("reason", reason).put("code", code);
    }

    static ObjectNode notFound(ObjectMapper json, ServedResource resource, String name) {
        String what = resource.group().isEmpty() ? resource.plural() : resource.plural() + "." + resource.group();
        ObjectNode status = failure(json, 404, "NotFound", what + " \"" + name + "\" not found");
        status.putObject("details").put("name", name).put("group", resource.group()).put("kind", resource.plural());
        return status;
    }

    static ObjectNode nameRequired(ObjectMapper json, ServedResource resource) {
        String message = "Required value: name or generateName is required";
        ObjectNode status = failure(json, 422, "Invalid", resource.kind() + " \"\" is invalid: metadata.name: " + message);
        ObjectNode details = status.putObject("details").put("group", resource.group()).put("kind", resource.kind());
        details.putArray("causes").addObject().put("reason", "FieldValueRequired").put("message", message)
                .put("field", "metadata.name");
        return status;
    }
}
