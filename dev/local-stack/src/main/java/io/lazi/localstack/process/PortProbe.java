package io.lazi.localstack.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a TCP port is free, and which process holds it (Linux {@code /proc}; elsewhere unknown).
 */
public final class PortProbe {

	private PortProbe() {
	}

	/** Whether nothing listens on {@code port} (any address). */
	public static boolean isFree(int port) {

		try (var socket = new ServerSocket()) {
			// As the servers do: connections in TIME_WAIT from an earlier run do not block them.
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(port));
		}
		catch (IOException ex) {
			return false;
		}
		return !Readiness.tcp("localhost", port).check();
	}

	/** The process listening on {@code port}, e.g. {@code pid 42 (java -jar x.jar)}, if it can be found. */
	public static Optional<String> holder(int port) {

		var inodes = listeningInodes(port);
		if (inodes.isEmpty()) {
			return Optional.empty();
		}
		try (var processes = Files.list(Path.of("/proc"))) {
			return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter(dir -> holdsAny(dir, inodes))
				.findFirst()
				.map(dir -> "pid " + dir.getFileName() + commandLine(dir).map(c -> " (" + c + ")").orElse(""));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether the process {@code pid} is the one listening on {@code port}: false when another process
	 * (or none) listens there; true when it cannot be told (no {@code /proc}, as on macOS).
	 */
	public static boolean isHeldBy(long pid, int port) {

		if (!Files.isReadable(Path.of("/proc/net/tcp"))) {
			return true;
		}
		var inodes = listeningInodes(port);
		return !inodes.isEmpty() && holdsAny(Path.of("/proc", String.valueOf(pid)), inodes);
	}

	private static Set<String> listeningInodes(int port) {

		var inodes = new HashSet<String>();
		var hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
		for (var table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
			try (var lines = Files.lines(Path.of(table))) {
				lines.skip(1).map(line -> line.trim().split("\\s+")).filter(f -> f.length > 9)
					.filter(f -> f[1].endsWith(hexPort) && "0A".equals(f[3]))
					.forEach(f -> inodes.add(f[9]));
			}
			catch (IOException | RuntimeException ex) {
				// not Linux, or not readable: the holder stays unknown
			}
		}
		return inodes;
	}

	private static boolean holdsAny(Path processDirectory, Set<String> inodes) {

		try (Stream<Path> fds = Files.list(processDirectory.resolve("fd"))) {
			return fds.anyMatch(fd -> {
				try {
					var target = Files.readSymbolicLink(fd).toString();
					return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static Optional<String> commandLine(Path processDirectory) {

		try {
			var raw = Files.readString(processDirectory.resolve("cmdline")).replace('\0', ' ').replaceAll("\\s+", " ")
				.strip();
			if (raw.length() <= 120) {
				return raw.isEmpty() ? Optional.empty() : Optional.of(raw);
			}
			// The program and the end of the command line, where the jar or main class and arguments are.
			var program = Path.of(raw.split(" ")[0]).getFileName();
			return Optional.of(program + " … " + raw.substring(raw.length() - 100));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}
}
