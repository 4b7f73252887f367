package io.lazi.localstack.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines that run the same JDK as the current JVM.
 */
public final class JavaCommand {

	/**
	 * JVM options for a Spring Boot service on a small laptop stack: modest heap, C1 only, serial GC.
	 */
	public static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

	private JavaCommand() {
	}

	/** The {@code java} launcher of the running JDK. */
	public static Path java() {
		return Path.of(System.getProperty("java.home"), "bin", "java");
	}

	/** {@code java <jvmOptions> -jar <jar> <args>}. */
	public static List<String> jar(Path jar, List<String> jvmOptions, List<String> args) {

		var command = new ArrayList<String>();
		command.add(java().toString());
		command.addAll(jvmOptions);
		command.add("-jar");
		command.add(jar.toString());
		command.addAll(args);
		return command;
	}

	/**
	 * {@code java <jvmOptions> -cp <classpath> <mainClass> <args>}; a classpath entry may be a
	 * {@code dir/*} wildcard.
	 */
	public static List<String> mainClass(List<String> classpath, String mainClass, List<String> jvmOptions,
			List<String> args) {

		var command = new ArrayList<String>();
		command.add(java().toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(String.join(java.io.File.pathSeparator, classpath));
		command.add(mainClass);
		command.addAll(args);
		return command;
	}
}
