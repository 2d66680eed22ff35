package dev.scopelinks.host.cli;

import dev.scopelinks.spi.ResourceType;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An object named on the command line the way kubectl names one: {@code deployment/web},
 * {@code deploy/web}, {@code deployments.apps/web}, or kind and name as two words. The kind may be
 * the singular, the plural or kubectl's short name, in any case, optionally followed by
 * {@code .group}.
 *
 * @param kind the kind as typed, e.g. {@code deploy} or {@code deployments.apps}
 * @param name the object's name
 */
record ObjectReference(String kind, String name) {

    /** kubectl's short names of the built-in resources, by {@code plural.group}, for the kinds a provider may serve. */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("pods", "po"),
            Map.entry("services", "svc"),
            Map.entry("nodes", "no"),
            Map.entry("namespaces", "ns"),
            Map.entry("persistentvolumes", "pv"),
            Map.entry("persistentvolumeclaims", "pvc"),
            Map.entry("configmaps", "cm"),
            Map.entry("serviceaccounts", "sa"),
            Map.entry("endpoints", "ep"),
            Map.entry("replicationcontrollers", "rc"),
            Map.entry("deployments.apps", "deploy"),
            Map.entry("statefulsets.apps", "sts"),
            Map.entry("daemonsets.apps", "ds"),
            Map.entry("replicasets.apps", "rs"),
            Map.entry("cronjobs.batch", "cj"),
            Map.entry("storageclasses.storage.k8s.io", "sc"),
            Map.entry("ingresses.networking.k8s.io", "ing"),
            Map.entry("networkpolicies.networking.k8s.io", "netpol"),
            Map.entry("horizontalpodautoscalers.autoscaling", "hpa"),
            Map.entry("poddisruptionbudgets.policy", "pdb"),
            Map.entry("volumesnapshots.snapshot.storage.k8s.io", "vs"));

    /** Reads {@code KIND/NAME}, or {@code KIND NAME} as two words. */
    static ObjectReference parse(List<String> words) throws InvalidInputException {
        if (words.size() == 1) {
            String word = words.get(0);
            int slash = word.indexOf('/');
            if (slash <= 0 || slash == word.length() - 1 || word.indexOf('/', slash + 1) >= 0) {
                throw new InvalidInputException("name the object as KIND/NAME (e.g. deployment/web or deploy/web), "
                        + "not '" + word + "'");
            }
            return new ObjectReference(word.substring(0, slash), word.substring(slash + 1));
        }
        if (words.size() == 2 && !words.get(0).contains("/") && !words.get(1).contains("/")) {
            return new ObjectReference(words.get(0), words.get(1));
        }
        throw new InvalidInputException("name one object, as KIND/NAME or KIND NAME, not " + String.join(" ", words));
    }

    /**
     * The one of {@code served} this reference names.
     *
     * @throws InvalidInputException naming what the config does serve, when none matches
     */
    ResourceType resolve(Collection<ResourceType> served) throws InvalidInputException {
        String typed = kind.toLowerCase(Locale.ROOT);
        int dot = typed.indexOf('.');
        String word = dot < 0 ? typed : typed.substring(0, dot);
        Optional<String> group = dot < 0 ? Optional.empty() : Optional.of(typed.substring(dot + 1));
        Optional<ResourceType> match = served.stream()
                .filter(type -> group.map(g -> g.equals(type.group())).orElse(true))
                .filter(type -> names(type).contains(word))
                .findFirst();
        if (match.isPresent()) {
            return match.get();
        }
        throw new InvalidInputException("no configured provider serves '" + kind + "'; the config serves "
                + served.stream().map(ObjectReference::describe).sorted().collect(Collectors.joining(", ")));
    }

    /** Every name kubectl accepts for {@code type}: singular, plural and short name. */
    static List<String> names(ResourceType type) {
        String qualified = type.group().isEmpty() ? type.plural() : type.plural() + "." + type.group();
        String singular = type.kind().toLowerCase(Locale.ROOT);
        String shortName = SHORT_NAMES.get(qualified);
        return shortName == null ? List.of(singular, type.plural()) : List.of(singular, type.plural(), shortName);
    }

    private static String describe(ResourceType type) {
        List<String> names = names(type);
        return names.size() > 2 ? names.get(0) + " (" + names.get(2) + ")" : names.get(0);
    }
}
