package dev.scopelinks.host.template;

import java.util.List;
import java.util.Map;

/**
 * Finds one variable's value at render time. Names are looked up whole: {@code labels.app} and
 * {@code labels.app.kubernetes.io/name} are single keys of the object's map, never paths into it
 * (mustache.java's own object handlers would split them at the dots).
 *
 * @param name        the variable name
 * @param configValue the config value of that name, or null: used when the object has none
 */
record VariableLookup(String name, String configValue) {

    /**
     * The value in {@code scopes}, whose only scope is the object's variables; else the config value;
     * else null.
     */
    String valueIn(List<Object> scopes) {
        // The object's own variables come first; config values fill the rest (the planner keeps their names apart).
        Object value = ((Map<?, ?>) scopes.get(0)).get(name);
        return value instanceof String found ? found : configValue;
    }

    /** Whether the variable has a non-empty value: what decides a section. */
    boolean isSetIn(List<Object> scopes) {
        String value = valueIn(scopes);
        return value != null && !value.isEmpty();
    }
}
