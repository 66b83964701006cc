import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of an audit: parse every YAML file of a cluster folder and the live snapshot (JSON or YAML) into
 * Jackson trees, and nothing else. Prints the number of documents and live items read.
 * Usage: ParseFloor FOLDER LIVE...
 */
public final class ParseFloor {
    public static void main(String[] args) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectMapper json = new ObjectMapper();
        long documents = 0;
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(f.toFile())) {
                while (it.hasNext()) {
                    it.next();
                    documents++;
                }
            }
        }
        long items = 0;
        for (int i = 1; i < args.length; i++) {
            Path live = Path.of(args[i]);
            JsonNode list = live.toString().endsWith(".json") ? json.readTree(live.toFile()) : yaml.readTree(live.toFile());
            items += list.path("items").size();
        }
        System.out.println(documents + " documents, " + items + " live items");
    }
}
