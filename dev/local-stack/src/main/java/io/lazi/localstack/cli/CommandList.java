package io.lazi.localstack.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command list of a usage message: every command below the one described, down to the leaves
 * ({@code bench push}), each with all its options and what it does, so that one {@code --help}
 * shows everything {@code ./lazi} can be asked (-h and -V, which every command has, aside).
 */
final class CommandList implements IHelpSectionRenderer {

	private static final int NAME_INDENT = 2;

	private static final int DESCRIPTION_INDENT = 6;

	@Override
	public String render(Help help) {

		var text = new StringBuilder();
		var width = help.commandSpec().usageMessage().width();
		for (var command : leaves(help.commandSpec())) {
			var name = command.qualifiedName(" ").substring(help.commandSpec().qualifiedName(" ").length() + 1);
			var line = new ArrayList<String>();
			line.add(name);
			line.addAll(synopsis(command));
			wrap(line, NAME_INDENT, NAME_INDENT + name.length() + 1, width, text);
			var summary = summary(command);
			if (!summary.isBlank()) {
				wrap(List.of(summary.split(" ")), DESCRIPTION_INDENT, DESCRIPTION_INDENT, width, text);
			}
		}
		return text.toString();
	}

	/** The header's first line, else the description's, as picocli's own command list shows. */
	private static String summary(CommandSpec command) {

		var usage = command.usageMessage();
		var lines = usage.header().length > 0 ? usage.header() : usage.description();
		return lines.length == 0 ? "" : lines[0];
	}

	/** The commands below {@code parent} that have no commands of their own, in declaration order. */
	static List<CommandSpec> leaves(CommandSpec parent) {

		var leaves = new ArrayList<CommandSpec>();
		for (var sub : new LinkedHashSet<>(parent.subcommands().values())) {
			var spec = sub.getCommandSpec();
			if (spec.subcommands().isEmpty()) {
				leaves.add(spec);
			}
			else {
				leaves.addAll(leaves(spec));
			}
		}
		return leaves;
	}

	/**
	 * E.g. {@code [--tenant=T[,T...]]...}, {@code [--ttl=DURATION]}, as picocli's synopsis spells them:
	 * the options but -h and -V, in declaration order, then the parameters.
	 */
	static List<String> synopsis(CommandSpec command) {

		var groups = new ArrayList<String>();
		for (var option : command.options()) {
			if (option.usageHelp() || option.versionHelp() || option.hidden()) {
				continue;
			}
			var label = option.paramLabel();
			var value = option.arity().max() == 0 ? ""
					: "=" + label + (option.splitRegex().isEmpty() ? "" : "[," + label + "...]");
			groups.add("[" + option.longestName() + value + "]" + (option.isMultiValue() ? "..." : ""));
		}
		command.positionalParameters().forEach(parameter -> groups.add("[" + parameter.paramLabel() + "]"));
		return groups;
	}

	/** Appends {@code parts} joined by spaces and wrapped between parts to {@code width}, the first line and the rest indented. */
	private static void wrap(List<String> parts, int firstIndent, int restIndent, int width, StringBuilder into) {

		var line = new StringBuilder(" ".repeat(firstIndent));
		var empty = true;
		for (var part : parts) {
			if (!empty && line.length() + 1 + part.length() > width) {
				into.append(line).append(System.lineSeparator());
				line = new StringBuilder(" ".repeat(restIndent));
				empty = true;
			}
			line.append(empty ? "" : " ").append(part);
			empty = false;
		}
		into.append(line).append(System.lineSeparator());
	}
}
