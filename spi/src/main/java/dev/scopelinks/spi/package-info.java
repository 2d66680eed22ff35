/**
 * The scope-links provider API.
 *
 * <p>A provider teaches the scope-links host one Kubernetes kind: which resource to watch, which
 * Weave Scope topology its objects appear in, how to compute their Scope node ids, and which
 * template variables each object offers to link templates. Providers are found with
 * {@link java.util.ServiceLoader} through {@link dev.scopelinks.spi.LinkProviderFactory}.
 *
 * <p>This package depends on the JDK only. Providers never see the Kubernetes client, JSON or
 * template libraries the host uses, so the host can change them without breaking a provider.
 * Methods added after version 1 are {@code default} methods.
 *
 * <p>A minimal provider:
 * <pre>{@code
 * public final class DeploymentLinkProviderFactory implements LinkProviderFactory {
 *     public int spiVersion() { return SpiVersion.CURRENT; }
 *     public String id() { return "Deployment"; }
 *     public ResourceType watches() { return ResourceType.namespaced("apps", "v1", "deployments", "Deployment"); }
 *     public ScopeTopology topology() { return ScopeTopology.DEPLOYMENT; }
 *     public List<Variable> variables() { return ObjectVariables.STANDARD; }
 *     public LinkProvider create(ProviderContext context) {
 *         return object -> List.of(ScopeNode.of(topology(), object.uid(),
 *                 ObjectVariables.standard(object).build()));
 *     }
 * }
 * }</pre>
 */
package dev.scopelinks.spi;
