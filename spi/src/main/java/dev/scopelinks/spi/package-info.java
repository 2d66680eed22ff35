/**
 * The scope-links provider API.
 *
 * <p>A provider teaches the scope-links host one Kubernetes kind: which resource to watch, which
 * Weave Scope topology its objects appear in, how to compute their Scope node ids, and which
 * template variables each object offers to link templates. Providers are found with
 * {@link java.util.ServiceLoader} through {@link dev.scopelinks.spi.LinkProviderFactory}; each
 * provider jar gets its own class loader that sees the JDK and this package only.
 *
 * <p>A typical provider is one declaration ({@link dev.scopelinks.spi.ProviderDeclaration}): each
 * call declares a variable with its documentation, the fields it reads and how its value is taken,
 * and {@link dev.scopelinks.spi.DeclaredLinkProviderFactory} derives everything else from it:
 * <pre>{@code
 * public final class DeploymentLinkProviderFactory extends DeclaredLinkProviderFactory {
 *     public static final ResourceType DEPLOYMENTS = ResourceType.namespaced("apps", "v1", "deployments", "Deployment");
 *
 *     public DeploymentLinkProviderFactory() {
 *         super(ProviderDeclaration.of(SpiVersion.CURRENT, "Deployment", DEPLOYMENTS, ScopeTopology.DEPLOYMENT)
 *                 .standardVariables()
 *                 .field("replicas", "spec.replicas", "desired number of replicas", "3")
 *                 .selector("selector", "spec.selector.matchLabels", "the pod selector's match labels",
 *                         "app=web,tier=frontend", "web"));
 *     }
 * }
 * }</pre>
 * A provider that does not fit the declaration implements {@code LinkProviderFactory} itself.
 *
 * <h2>What is stable, and how it evolves</h2>
 * <ul>
 *   <li>This package depends on the JDK only. Providers never see the Kubernetes client, JSON or
 *       template libraries the host uses, so the host can change them without breaking a provider.</li>
 *   <li>Interfaces a provider implements ({@code LinkProviderFactory}, {@code LinkProvider}) and
 *       interfaces the host implements ({@code ProviderContext}, {@code ObjectLookup},
 *       {@code KubeObject}, {@code Fields}) gain members only as {@code default} methods, marked
 *       {@code @since}; a provider compiled against an older version keeps working unchanged.</li>
 *   <li>Values ({@code Variable}, {@code ScopeNode}, {@code ProviderSettings}) are final classes made
 *       with static factories or builders, never public constructors, so they can gain members
 *       without breaking a caller. {@code ResourceType} and {@code OwnerReference} stay records
 *       because their components are Kubernetes' own and complete.</li>
 *   <li>{@code ProviderDeclaration} and {@code DeclaredLinkProviderFactory} gain methods; existing
 *       ones keep their meaning.</li>
 *   <li>A change that cannot be additive bumps {@link dev.scopelinks.spi.SpiVersion#CURRENT}. A
 *       provider returns the constant it was compiled against, and the host refuses (with a message
 *       naming both versions) a provider built for another version instead of failing later with a
 *       {@code LinkageError}. While the version stays 1, every provider built against it loads.</li>
 * </ul>
 *
 * <h2>Lifecycle</h2>
 * The host reads a factory's declarations once at start. For each configuration (at start and
 * after every reload) it calls {@code create} with a {@link dev.scopelinks.spi.ProviderContext}
 * carrying the provider's own {@code settings:} from the YAML, calls {@code nodesFor} for every
 * object, and calls {@link dev.scopelinks.spi.LinkProvider#close()} when the instance is replaced
 * or the host stops. Every call runs with the provider jar's class loader as the thread's context
 * class loader.
 */
package dev.scopelinks.spi;
