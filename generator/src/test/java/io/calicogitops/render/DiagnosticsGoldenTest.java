package io.calicogitops.render;

import io.calicogitops.diag.Diagnostic;
import io.calicogitops.diag.InvalidInputException;
import io.calicogitops.testing.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input has goldens too: each folder under {@code src/test/resources/diagnostics/<case>/} holds a {@code fleet/},
 * optional user {@code templates/} and {@code overlays/} (as {@code --templates}/{@code --overlays}), and
 * {@code expected.txt}, the exact diagnostics text with paths relative to the case folder.
 * {@code -Dgolden.update=true} rewrites {@code expected.txt}.
 */
class DiagnosticsGoldenTest {

    private static Path casesDir() {
        return Golden.testResources("generator", "diagnostics");
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> list = Files.list(casesDir())) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void render_badInput_reportsGoldenDiagnostics(String name) {
        Path dir = casesDir().resolve(name);

        String actual = diagnosticsOf(dir);

        Golden.assertText(dir.resolve("expected.txt"), actual);
    }

    /** Every diagnostic of rendering the case, one {@link Diagnostic#format()} per entry, with a final newline. */
    static String diagnosticsOf(Path dir) {
        Optional<Path> templates = Optional.of(dir.resolve("templates")).filter(Files::isDirectory);
        Optional<Path> overlays = Optional.of(dir.resolve("overlays")).filter(Files::isDirectory);
        Generator.RenderRequest request = new Generator.RenderRequest(dir.resolve("fleet"), templates, overlays,
                List.of(), p -> dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/'));
        try {
            Generator.RenderResult result = new Generator().render(request);
            return fail("expected invalid input, but " + result.clusters().size() + " clusters rendered"
                    + (result.warnings().isEmpty() ? "" : " with warnings:\n" + format(result.warnings())));
        } catch (InvalidInputException e) {
            return format(e.diagnostics()) + "\n";
        }
    }

    private static String format(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
