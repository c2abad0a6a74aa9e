package io.flinkharness.cli.generate;

import io.flinkharness.internal.Suggestions;
import io.flinkharness.cases.CaseFiles;
import io.flinkharness.cases.LoadedCase;
import io.flinkharness.cli.CommandException;
import io.flinkharness.cli.ExitCodes;
import io.flinkharness.run.SqlCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The case of a case file that {@code generate} works on: the file's only case, or the one named with
 * {@code --case} in a file with several.
 *
 * @param sqlCase the loaded case
 * @param index its index in {@code cases:}, for a file with several cases
 */
record CaseChoice(SqlCase sqlCase, OptionalInt index) {

    static CaseChoice of(Path file, Optional<String> name) {
        if (!Files.isRegularFile(file)) {
            throw new CommandException(ExitCodes.BAD_INPUT, "no such case file: " + file
                    + " — give the path of a case file (*.yaml)");
        }
        List<LoadedCase> loaded = CaseFiles.loadAll(file);
        boolean several = loaded.size() > 1;
        int index = name.isPresent() ? named(file, loaded, name.get()) : only(file, loaded);
        LoadedCase chosen = loaded.get(index);
        SqlCase sqlCase = chosen.sqlCase().orElseThrow(() -> new CommandException(ExitCodes.BAD_INPUT,
                chosen.error().orElseThrow().getMessage(), chosen.error().orElseThrow()));
        return new CaseChoice(sqlCase, several ? OptionalInt.of(index) : OptionalInt.empty());
    }

    private static int only(Path file, List<LoadedCase> loaded) {
        if (loaded.size() > 1) {
            throw new CommandException(ExitCodes.BAD_INPUT, file + " holds " + loaded.size() + " cases — give --case"
                    + " with the name of one: " + String.join(", ", names(loaded)));
        }
        return 0;
    }

    private static int named(Path file, List<LoadedCase> loaded, String name) {
        List<String> names = names(loaded);
        return IntStream.range(0, loaded.size()).filter(i -> names.get(i).equals(name)).findFirst()
                .orElseThrow(() -> new CommandException(ExitCodes.BAD_INPUT, file + " holds no case named '" + name
                        + "' — " + Suggestions.didYouMean(name, names, "its cases")));
    }

    /** The names of the cases, or the problem of a case that did not load. */
    private static List<String> names(List<LoadedCase> loaded) {
        return loaded.stream().map(l -> l.sqlCase().map(SqlCase::name)
                .orElseGet(() -> "(not loaded: " + l.error().orElseThrow().field() + ")")).toList();
    }
}
