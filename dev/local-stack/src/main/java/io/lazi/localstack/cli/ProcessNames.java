package io.lazi.localstack.cli;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.lazi.localstack.StackService;

/**
 * The names {@code ./lazi status} shows and {@code ./lazi kill|stop|start|restart} take:
 * {@code SERVICE[#N]}, the module name and the instance number ({@code pricebook-service#2}; {@code #1}
 * may be left out), or the name of a process that is not a service instance ({@code kafka},
 * {@code postgres}). The process of instance {@code N} ≥ 2 is recorded as {@code <module>-N}.
 */
final class ProcessNames {

	private static final Pattern INSTANCE = Pattern.compile("(.+)-(\\d+)");

	private static final Pattern ADDRESS = Pattern.compile("([^#]+)#(\\d+)");

	private ProcessNames() {
	}

	/** {@code pricebook-service-2} → {@code pricebook-service#2}; any other name as it is. */
	static String display(String processName) {

		var matcher = INSTANCE.matcher(processName);
		if (matcher.matches() && isModule(matcher.group(1))) {
			return matcher.group(1) + "#" + matcher.group(2);
		}
		return processName;
	}

	/**
	 * The recorded process {@code name} ({@code SERVICE[#N]} or a process name) stands for.
	 * @throws IllegalArgumentException naming the processes there are, when none matches
	 */
	static String resolve(String name, List<String> processNames) {

		var matcher = ADDRESS.matcher(name.strip());
		var processName = name.strip();
		if (matcher.matches()) {
			var number = Integer.parseInt(matcher.group(2));
			processName = number == 1 ? matcher.group(1) : matcher.group(1) + "-" + number;
		}
		var found = Optional.of(processName).filter(processNames::contains);
		return found.orElseThrow(() -> new IllegalArgumentException("No process '" + name + "' in this stack; the names are "
				+ processNames.stream().map(ProcessNames::display).collect(Collectors.joining(", "))));
	}

	private static boolean isModule(String name) {

		for (var service : StackService.values()) {
			if (service.module().equals(name)) {
				return true;
			}
		}
		return false;
	}
}
