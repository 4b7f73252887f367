package io.lazi.pricebook.category.edit;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where image-service answers ({@code lazi.pricebook.image-service.*}).
 *
 * @param url its base URL ({@code LAZI_IMAGE_URL})
 * @param timeout connect limit and limit of the wait for its answer
 */
@ConfigurationProperties("lazi.pricebook.image-service")
record ImageServiceProperties(@DefaultValue("http://localhost:8084") URI url, @DefaultValue("5s") Duration timeout) {
}
