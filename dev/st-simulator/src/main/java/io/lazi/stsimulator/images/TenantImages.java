package io.lazi.stsimulator.images;

import java.util.Optional;

import io.lazi.stsimulator.pricebook.CategoryCatalog;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Every image a tenant has: those its pricebook references (rendered on demand, PNG or JPEG by the
 * path's extension) and those it uploaded. An upload wins over a rendered image at the same path.
 */
@Component
class TenantImages {

	private final CategoryCatalog catalog;

	private final UploadedImages uploads;

	private final TileRenderer renderer;

	TenantImages(CategoryCatalog catalog, UploadedImages uploads, TileRenderer renderer) {

		this.catalog = catalog;
		this.uploads = uploads;
		this.renderer = renderer;
	}

	/**
	 * @param tenant the tenant id
	 * @param path a storage path ({@code Images/...})
	 * @return whether the tenant references or uploaded an image at that path
	 */
	boolean exists(long tenant, String path) {
		return catalog.hasImage(tenant, path) || uploads.find(tenant, path).isPresent();
	}

	/**
	 * @param tenant the tenant id
	 * @param path a storage path ({@code Images/...})
	 * @return the uploaded bytes, else the rendered image, empty when the tenant has no image there
	 */
	Optional<ImageFile> file(long tenant, String path) {

		var uploaded = uploads.find(tenant, path);
		if (uploaded.isPresent() || !catalog.hasImage(tenant, path)) {
			return uploaded;
		}
		var format = TileRenderer.Format.of(path);
		return Optional.of(new ImageFile(renderer.render(path, format),
				format == TileRenderer.Format.PNG ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG));
	}

	/**
	 * Stores an upload.
	 *
	 * @see UploadedImages#store
	 */
	Optional<String> store(long tenant, @Nullable String fileName, byte[] bytes) {
		return uploads.store(tenant, fileName, bytes);
	}
}
