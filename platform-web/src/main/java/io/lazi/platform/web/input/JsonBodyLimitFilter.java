package io.lazi.platform.web.input;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps how much of a JSON request body is read: past {@code limit} bytes the stream throws
 * {@link ContentTooLargeException}, so a body without (or with a false) {@code Content-Length} cannot
 * make a service parse 30 MB. {@link InputSafetyInterceptor} refuses a declared length over the limit
 * before anything is read.
 */
final class JsonBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	JsonBodyLimitFilter(InputProperties properties) {
		this.limit = properties.maxJsonBody().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(isJson(request) ? new Limited(request, limit) : request, response);
	}

	static boolean isJson(HttpServletRequest request) {

		var type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			var media = MediaType.parseMediaType(type);
			return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
		}
		catch (org.springframework.util.InvalidMimeTypeException ex) {
			// An unparseable type is refused by the message converters (415); nothing here reads it as JSON.
			return false;
		}
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private @Nullable ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {

			var counting = stream;
			if (counting == null) {
				counting = new Counting(super.getInputStream(), limit);
				stream = counting;
			}
			return counting;
		}
	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		Counting(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {

			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {

			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws ContentTooLargeException {

			read += n;
			if (read > limit) {
				throw new ContentTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}
	}
}
