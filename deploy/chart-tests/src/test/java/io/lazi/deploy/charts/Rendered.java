package io.lazi.deploy.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The manifests of one {@code helm template}, parsed into fabric8's typed models (kinds without a model in the
 * test classpath, such as Strimzi's and the Prometheus Operator's, as {@link GenericKubernetesResource}).
 *
 * @param yaml the rendered text
 * @param resources every document, in rendering order
 */
record Rendered(String yaml, List<HasMetadata> resources) {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

	Rendered {
		resources = List.copyOf(resources);
	}

	static Rendered parse(String yaml) {

		var resources = new ArrayList<HasMetadata>();
		for (var document : DOCUMENT_SEPARATOR.split(yaml)) {
			var content = document.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
			if (!content.isEmpty()) {
				resources.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
			}
		}
		return new Rendered(yaml, resources);
	}

	/** The resources of {@code type}. */
	<T extends HasMetadata> List<T> all(Class<T> type) {
		return resources.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The resources of {@code kind} that have no typed model here. */
	List<GenericKubernetesResource> generic(String kind) {
		return all(GenericKubernetesResource.class).stream().filter(resource -> kind.equals(resource.getKind())).toList();
	}

	/** Every resource's kind and name, e.g. {@code Deployment/lazi-gateway-service}. */
	List<String> names() {
		return resources.stream().map(resource -> resource.getKind() + "/" + resource.getMetadata().getName()).toList();
	}

	/** The Deployment of {@code chart} ({@code <release>-<chart>}). */
	Deployment deployment(String chart) {
		return find(Deployment.class, HelmCharts.RELEASE + "-" + chart)
			.orElseThrow(() -> new AssertionError("no Deployment of " + chart + " in " + names()));
	}

	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return all(type).stream().filter(resource -> name.equals(resource.getMetadata().getName())).findFirst();
	}

	/** The environment {@code chart}'s pods get from their ConfigMap. */
	Map<String, String> environment(String chart) {

		return find(ConfigMap.class, HelmCharts.RELEASE + "-" + chart + "-env").map(ConfigMap::getData)
			.orElseThrow(() -> new AssertionError("no environment ConfigMap of " + chart + " in " + names()));
	}

	/** The chart a resource belongs to: its {@code app.kubernetes.io/name} label. */
	static String chartOf(HasMetadata resource) {
		return resource.getMetadata().getLabels().get("app.kubernetes.io/name");
	}
}
