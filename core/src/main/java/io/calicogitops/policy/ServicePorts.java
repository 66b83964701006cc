package io.calicogitops.policy;

import java.util.List;
import java.util.Map;

/** A Service: which pods it selects and its port -> targetPort mappings (targetPort may be a container port name). */
public record ServicePorts(String namespace, String name, Map<String, String> selector, List<Mapping> ports) {

    public ServicePorts {
        selector = Map.copyOf(selector);
        ports = List.copyOf(ports);
    }

    /** {@code port} (protocol) forwards to {@code targetPort}, a number or a container port's name. */
    public record Mapping(String protocol, int port, String targetPort) {
    }
}
