package io.lazi.localstack.cli;

import java.time.Duration;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Range checks of option values; a value out of range is bad usage (exit 2, with the usage). */
final class Bounds {

	private Bounds() {
	}

	/**
	 * {@code value}, when within {@code min..max}.
	 * @throws ParameterException naming {@code option} otherwise
	 */
	static int check(CommandSpec spec, String option, int value, int min, int max) {

		if (value < min || value > max) {
			throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max);
		}
		return value;
	}

	/**
	 * {@code value}, when within {@code min..max}.
	 * @throws ParameterException naming {@code option} otherwise
	 */
	static Duration check(CommandSpec spec, String option, Duration value, Duration min, Duration max) {

		if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
			throw new ParameterException(spec.commandLine(), option + " must be between " + min.toSeconds() + "s and "
					+ max.toSeconds() + "s");
		}
		return value;
	}
}
