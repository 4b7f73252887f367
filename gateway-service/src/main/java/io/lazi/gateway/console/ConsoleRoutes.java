package io.lazi.gateway.console;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import io.lazi.platform.security.SecurityProperties;
import reactor.core.publisher.Mono;

/**
 * Serves the console from the {@code console} artifact's {@value #LOCATION} folder: {@code /assets/**}
 * (file names carry a content hash) with {@code Cache-Control: public, max-age=31536000, immutable};
 * other files, {@code index.html} for every client route (SPA fallback) and
 * {@code /console-config.json} with {@code no-cache}, so a new release is picked up on the next load.
 * Paths under the gateway's own prefixes never reach these routes ({@link ConsolePaths}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleRoutes {

	/** Where the console artifact keeps the built files on the classpath. */
	static final String LOCATION = "lazi-console/";

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final CacheControl REVALIDATE = CacheControl.noCache();

	@Bean
	RouterFunction<ServerResponse> consoleRouter(ConsoleProperties console, SecurityProperties security) {

		var root = new ClassPathResource(LOCATION);
		var files = RouterFunctions.resourceLookupFunction("/**", root);
		var config = Map.of("authority", console.authorityOr(security), "clientId", console.clientId(), "scope",
				console.scope());
		return RouterFunctions.route()
			.GET(ConsolePaths.CONFIG,
					request -> ServerResponse.ok().cacheControl(REVALIDATE).contentType(MediaType.APPLICATION_JSON).bodyValue(config))
			.resources(ConsolePaths.ASSETS + "**", root.createRelative("assets/"),
					(resource, headers) -> headers.setCacheControl(IMMUTABLE))
			.route(RequestPredicates.GET("/**").and(request -> ConsolePaths.isConsole(request.path())),
					request -> page(request, files, root))
			.build();
	}

	private static Mono<ServerResponse> page(ServerRequest request,
			Function<ServerRequest, Mono<Resource>> files, ClassPathResource root) {

		if (ConsolePaths.isClientRoute(request.path())) {
			var index = root.createRelative("index.html");
			return index.exists() ? file(index) : ServerResponse.notFound().build();
		}
		return files.apply(request).flatMap(ConsoleRoutes::file).switchIfEmpty(ServerResponse.notFound().build());
	}

	private static Mono<ServerResponse> file(Resource resource) {

		var type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
		return ServerResponse.ok().cacheControl(REVALIDATE).contentType(type).body(BodyInserters.fromResource(resource));
	}

}
