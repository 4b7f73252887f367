package io.lazi.image.upload;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits ({@code lazi.image.upload.*}); keep {@code spring.servlet.multipart.max-file-size}
 * equal to {@code max-size}.
 *
 * @param maxSize largest accepted file (default 5 MB); larger answers 413
 */
@ConfigurationProperties("lazi.image.upload")
public record UploadProperties(@DefaultValue("5MB") DataSize maxSize) {

	public UploadProperties {
		if (maxSize.toBytes() < 1) {
			throw new IllegalArgumentException("lazi.image.upload.max-size must be positive");
		}
	}
}
