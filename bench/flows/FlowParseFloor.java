import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of a flow replay: read every line of a flow-log file and parse it into a Jackson tree, and nothing else
 * (the same reading the replay does before rebuilding and evaluating). Prints the number of records.
 * Usage: FlowParseFloor FILE
 */
public final class FlowParseFloor {
    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        long records = 0;
        long check = 0;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode n = json.readTree(line);
                check += n.size();
                records++;
            }
        }
        System.out.println(records + " records (" + check + " fields)");
    }
}
