package io.lazi.image.serving;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.lazi.image.content.ImageContent;

/**
 * Writes {@code node_image} and {@code stored_image} rows directly, as {@link NodeImageUpdates} and an
 * earlier fetch would have left them (on this instance or on another one).
 */
record NodeImageRows(JdbcClient jdbc) {

	void insertNode(String tenant, long stId, int depth, @Nullable String path) {
		jdbc.sql("insert into node_image (tenant_id, st_id, depth, image_path, updated_at) values (?, ?, ?, ?, now())")
			.params(tenant, stId, depth, path)
			.update();
	}

	/** A node whose image the database already holds, as an earlier fetch would have left it; returns {@code bytes}. */
	byte[] nodeWithStoredImage(String tenant, long stId, int depth, String path, byte[] bytes) {

		insertNode(tenant, stId, depth, path);
		insertStored(tenant, path, bytes);
		return bytes;
	}

	void insertStored(String tenant, String path, byte[] bytes) {
		var content = ImageContent.sniff(bytes).orElseThrow();
		jdbc.sql("""
				insert into stored_image (tenant_id, image_path, content_type, etag, size_bytes, bytes, fetched_at)
				values (?, ?, ?, ?, ?, ?, now())""")
			.params(tenant, path, content.type().mediaType(), content.etag(), bytes.length, bytes)
			.update();
	}

	/** The node's image path, as the instance applying a change to it commits it. */
	void updatePath(String tenant, long stId, @Nullable String path) {
		jdbc.sql("update node_image set image_path = ?, updated_at = now() where tenant_id = ? and st_id = ?")
			.params(path, tenant, stId)
			.update();
	}
}
