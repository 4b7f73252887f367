package io.lazi.localstack.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent that ends the JVM it runs in when the process that started it is gone, however that
 * ended (SIGKILL included): {@link ProcessSupervisor} starts every Java child with
 * {@code -javaagent:<agent jar>=<its own pid>}, so nothing it started outlives it. Every
 * {@value #POLL_MILLIS} ms a daemon thread checks that the parent still runs and is still this
 * process's parent (a recycled pid is not); when not, it calls {@link System#exit} (shutdown hooks run:
 * Spring Boot stops gracefully, the embedded PostgreSQL stops its server) and halts after
 * {@value #HALT_AFTER_MILLIS} ms should a hook hang.
 *
 * <p>The agent jar holds only this class (it is on the child's system class path) and is written next
 * to the state file by {@link #agentJar(Path)}; nothing in the services changes.
 */
public final class ParentWatchdog {

	/** How often the parent is checked. */
	static final long POLL_MILLIS = 250;

	/** How long shutdown hooks get once the parent is gone. */
	static final long HALT_AFTER_MILLIS = 10_000;

	private ParentWatchdog() {
	}

	/**
	 * The agent's entry point.
	 * @param args the pid of the parent to watch
	 * @param instrumentation unused
	 */
	public static void premain(String args, Instrumentation instrumentation) {

		var parent = Long.parseLong(args.strip());
		var watcher = new Thread(() -> watch(parent), "lazi-parent-watchdog");
		watcher.setDaemon(true);
		watcher.start();
	}

	private static void watch(long parent) {

		var started = ProcessHandle.of(parent).flatMap(handle -> handle.info().startInstant()).orElse(null);
		while (parentRuns(parent, started)) {
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
		System.err.println("lazi: parent process " + parent + " is gone; exiting");
		var halt = new Thread(() -> {
			try {
				Thread.sleep(HALT_AFTER_MILLIS);
			}
			catch (InterruptedException ex) {
				// halt now
			}
			Runtime.getRuntime().halt(137);
		}, "lazi-parent-watchdog-halt");
		halt.setDaemon(true);
		halt.start();
		System.exit(143);
	}

	private static boolean parentRuns(long parent, java.time.Instant started) {

		var handle = ProcessHandle.of(parent);
		if (handle.isEmpty() || !handle.get().isAlive()) {
			return false;
		}
		if (started != null && !started.equals(handle.get().info().startInstant().orElse(started))) {
			return false;
		}
		// Orphans are re-parented (to init or a subreaper): a parent that changed is gone.
		return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(parent) == parent;
	}

	/**
	 * Writes the agent jar (this class and a manifest naming it) into {@code directory}, unless an
	 * identical one is there, and returns it.
	 * @throws UncheckedIOException when it cannot be written
	 */
	public static Path agentJar(Path directory) {

		var jar = directory.resolve("parent-watchdog.jar");
		try (var in = ParentWatchdog.class.getResourceAsStream(ParentWatchdog.class.getSimpleName() + ".class")) {
			if (in == null) {
				throw new IOException("The class file of " + ParentWatchdog.class.getName() + " is not on the class path");
			}
			var manifest = new Manifest();
			manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
			manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatchdog.class.getName());
			var bytes = new ByteArrayOutputStream();
			try (var out = new JarOutputStream(bytes, manifest)) {
				var entry = new JarEntry(ParentWatchdog.class.getName().replace('.', '/') + ".class");
				entry.setTime(0);
				out.putNextEntry(entry);
				in.transferTo(out);
				out.closeEntry();
			}
			var content = bytes.toByteArray();
			if (Files.isRegularFile(jar) && Arrays.equals(Files.readAllBytes(jar), content)) {
				return jar;
			}
			Files.createDirectories(directory);
			var temporary = Files.createTempFile(directory, "parent-watchdog", ".tmp");
			Files.write(temporary, content);
			Files.move(temporary, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the parent watchdog agent into " + directory, ex);
		}
	}
}
