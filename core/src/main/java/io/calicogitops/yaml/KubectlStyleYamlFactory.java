package io.calicogitops.yaml;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.Writer;
import org.yaml.snakeyaml.DumperOptions;

/**
 * A YAML factory whose generator quotes strings with single quotes, as kubectl does, where Jackson would use
 * double quotes; SnakeYAML's emitter still falls back to double quotes when single quotes cannot hold the text.
 */
final class KubectlStyleYamlFactory extends YAMLFactory {

    private static final long serialVersionUID = 1L;

    KubectlStyleYamlFactory(YAMLFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected YAMLGenerator _createGenerator(Writer out, IOContext ctxt) throws IOException {
        return new SingleQuotingGenerator(ctxt, _generatorFeatures, _yamlGeneratorFeatures, _quotingChecker,
                _objectCodec, out, _version);
    }

    /** Jackson decides plain, quoted or literal; this only changes which quotes "quoted" means. */
    private static final class SingleQuotingGenerator extends YAMLGenerator {

        SingleQuotingGenerator(IOContext ctxt, int jsonFeatures, int yamlFeatures, StringQuotingChecker quoting,
                               ObjectCodec codec, Writer out,
                               DumperOptions.Version version) throws IOException {
            super(ctxt, jsonFeatures, yamlFeatures, quoting, codec, out, version);
        }

        @Override
        protected void _writeScalar(String value, String type, DumperOptions.ScalarStyle style) throws IOException {
            DumperOptions.ScalarStyle chosen = style;
            if ("string".equals(type)) {
                if (TypePreservingQuoting.hasSpecialLineBreak(value)) {
                    // SnakeYAML's emitter would put NEL/LS/PS or CR raw into single-quoted or block scalars,
                    // where readers turn them into '\n' or a space: only double quotes escape them.
                    chosen = DumperOptions.ScalarStyle.DOUBLE_QUOTED;
                } else if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED) {
                    chosen = DumperOptions.ScalarStyle.SINGLE_QUOTED;
                }
            }
            super._writeScalar(value, type, chosen);
        }
    }
}
