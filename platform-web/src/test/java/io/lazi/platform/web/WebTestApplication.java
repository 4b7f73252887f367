package io.lazi.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A servlet service with platform-web's defaults and a few endpoints to call. */
@SpringBootApplication
class WebTestApplication {

	@RestController
	static class TestController {

		/** A listing of 120 numbers, paged. */
		@GetMapping("/numbers")
		Page<Integer> numbers(Tenant tenant, PageRequest page) {

			var all = java.util.stream.IntStream.range(0, 120).boxed().toList();
			var from = (int) Math.min(page.offset(), all.size());
			return Page.of(all.subList(from, Math.min(from + page.size(), all.size())), page, all.size());
		}

		/** Bytes of the caller's tenant; 404 for {@code missing}, the asked status for {@code status}. */
		@GetMapping("/files/{name}")
		ResponseEntity<byte[]> file(Tenant tenant, @PathVariable String name, @RequestParam(defaultValue = "200") int status) {

			if (name.equals("missing")) {
				throw new ResourceNotFoundException("File", name);
			}
			return ResponseEntity.status(status).contentType(MediaType.IMAGE_PNG).body((tenant.id() + ":" + name).getBytes());
		}

		/** The {@code Host} the caller addressed, to tell which instance of a load-balanced service answered. */
		@GetMapping("/host")
		ResponseEntity<byte[]> host(Tenant tenant, @org.springframework.web.bind.annotation.RequestHeader("Host") String host) {
			return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(host.getBytes());
		}

		/** Always busy: 409 with an RFC 9457 body naming the run in the way. */
		@PostMapping("/busy")
		ResponseEntity<Map<String, Object>> busy(Tenant tenant) {

			var problem = org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.CONFLICT,
					"A run of tenant " + tenant.id() + " is already running");
			problem.setProperty("syncRunId", "run-7");
			throw new org.springframework.web.ErrorResponseException(org.springframework.http.HttpStatus.CONFLICT, problem, null);
		}

		/** Echoes a note; what it takes is what input checks see. */
		@PostMapping("/notes")
		Note note(Tenant tenant, @org.springframework.web.bind.annotation.RequestBody Note note) {
			return note;
		}

		/** Echoes a body read as a tree, as endpoints reading field by field do. */
		@PostMapping("/trees")
		tools.jackson.databind.JsonNode tree(Tenant tenant, @org.springframework.web.bind.annotation.RequestBody tools.jackson.databind.JsonNode body) {
			return body;
		}

		/** Echoes a search term. */
		@GetMapping("/search/{scope}")
		Map<String, String> search(Tenant tenant, @PathVariable String scope, @RequestParam String q) {
			return Map.of("scope", scope, "q", q);
		}

		/** Starts nothing; answers the tenant and the bearer it was called with. */
		@PostMapping("/runs")
		ResponseEntity<Map<String, Object>> run(Tenant tenant, @RequestParam(defaultValue = "202") int status,
				@org.springframework.web.bind.annotation.RequestHeader(name = "Authorization", defaultValue = "") String authorization) {
			return ResponseEntity.status(status)
				.body(Map.of("tenant", tenant.id(), "ids", List.of(1, 2), "authorization", authorization));
		}
	}

	/** A JSON body with a text, a list of texts and a number. */
	record Note(String name, List<String> tags, int count) {
	}
}
