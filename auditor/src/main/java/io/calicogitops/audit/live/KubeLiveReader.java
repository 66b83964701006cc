package io.calicogitops.audit.live;

import io.calicogitops.audit.LiveQuery;
import io.calicogitops.audit.LiveReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calicogitops.audit.LiveSnapshot;
import io.calicogitops.diag.ClusterAccessException;
import io.calicogitops.diag.Diagnostics;
import io.calicogitops.diag.SourceLocation;
import io.calicogitops.model.Resource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the live state of a cluster through the Kubernetes API (fabric8): discovers once whether Calico is served
 * as {@code projectcalico.org/v3} or only as {@code crd.projectcalico.org/v1} CRDs (then maps objects back to v3 with
 * {@link V1Mapping}), lists every requested kind cluster-wide with pagination, reads the requested Secrets one by one
 * by name ({@link SecretGetter}: Secrets are never listed), and fails closed: any failed request is a
 * {@link ClusterAccessException} (exit 4), never a partial snapshot. Every list request is a {@link BoundedGet} (a total
 * deadline and a bound on the body's bytes) and every list page is checked by {@link ListPage} (the kind asked for, an
 * items array, named items), so a server that answers slowly, hugely or wrongly fails the read too. Each read opens its own HTTP client and
 * closes it, so the reader holds nothing to release; reads run one at a time.
 */
public final class KubeLiveReader implements LiveReader {

    /** How long one HTTP request may take unless told otherwise: a 500-object page of policies can be large. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Config config;
    private final String context;
    private final ReadSettings settings;
    private final AccessFailures failures;
    private CalicoLayout layout;

    /**
     * Uses the standard kubeconfig rules: {@code kubeconfig} if given, else {@code KUBECONFIG} or {@code ~/.kube/config},
     * else the in-cluster service account; {@code context} if given, else the current context.
     *
     * @throws ClusterAccessException when the kubeconfig cannot be read or has no such context
     */
    public KubeLiveReader(Optional<Path> kubeconfig, Optional<String> context) {
        this(kubeconfig, context, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * As {@link #KubeLiveReader(Optional, Optional)}, with the time one HTTP request may take, answer included (as
     * kubectl's {@code --request-timeout}): it bounds both the wait for each byte and the whole exchange.
     */
    public KubeLiveReader(Optional<Path> kubeconfig, Optional<String> context, Duration requestTimeout) {
        this(withTimeouts(loadConfig(kubeconfig.orElse(null), context.orElse(null)), requestTimeout), null,
                ReadSettings.defaults().withRequestDeadline(requestTimeout));
    }

    private KubeLiveReader(Config config, String context, ReadSettings settings) {
        this.config = config;
        this.context = contextOf(config, context);
        this.settings = settings;
        this.failures = failures(config, this.context);
    }

    /** Failure messages for {@code context} that mask every credential of {@code config}. */
    static AccessFailures failures(Config config, String context) {
        List<String> secrets = Arrays.asList(config.getOauthToken(), config.getAutoOAuthToken(), config.getPassword(),
                config.getClientKeyData(), config.getClientKeyPassphrase(), config.getProxyPassword(),
                config.getKeyStorePassphrase(), config.getTrustStorePassphrase());
        return new AccessFailures(context, config.getMasterUrl(), secrets);
    }

    /** The context name of a loaded configuration, as messages name it. */
    static String contextOf(Config config, String context) {
        return context != null ? context
                : config.getCurrentContext() != null ? config.getCurrentContext().getName() : "in-cluster";
    }

    /** For tests: a reader on an existing configuration (e.g. a mock server's) with its own paging and retries. */
    static KubeLiveReader of(Config config, String context, Duration requestTimeout, ReadSettings settings) {
        return new KubeLiveReader(withTimeouts(new ConfigBuilder(config).build(), requestTimeout), context, settings);
    }

    @Override
    public LiveSnapshot read(LiveQuery query) {
        return readWithWarnings(query).snapshot();
    }

    /** Reads every kind in {@code kinds} ({@code group/Kind}); the warnings say which requests needed retries. */
    public LiveReadResult readWithWarnings(Set<String> kinds) {
        return readWithWarnings(LiveQuery.of(kinds));
    }

    /**
     * Lists every kind of {@code query} and gets each of its Secrets by name; the warnings say which requests needed
     * retries.
     *
     * @throws ClusterAccessException when discovery or any request fails, or a kind is not served
     */
    public synchronized LiveReadResult readWithWarnings(LiveQuery query) {
        Set<KindKey> keys = new TreeSet<>();
        query.kinds().forEach(k -> keys.add(KindKey.parse(k)));
        try (KubernetesClient client = KubeClients.open(config)) {
            return read(client, keys, query);
        }
    }

    private LiveReadResult read(KubernetesClient client, Set<KindKey> keys, LiveQuery query) {
        RequestRetry retry = new RequestRetry(settings.attempts(), settings.backoff(), failures);
        BoundedGet get = new BoundedGet(client, settings);
        ApiDiscovery discovery = new ApiDiscovery(client, get, retry, failures);
        if (layout == null) {
            layout = discovery.calicoLayout();
        }
        // Resolve every kind before listing any, so that a missing kind fails fast.
        List<ServedKind> served = keys.stream().map(k -> discovery.resolve(k, layout)).toList();
        KindLister lister = new KindLister(client, get, retry, settings.pageSize());
        SourceLocation origin = SourceLocation.of("cluster:" + context);
        Diagnostics diagnostics = new Diagnostics();
        List<Resource> resources = new ArrayList<>();
        for (ServedKind kind : served) {
            for (ObjectNode item : lister.list(kind)) {
                Optional<? extends JsonNode> body = V1Mapping.isV1(item)
                        ? V1Mapping.toV3(item, origin, diagnostics) : Optional.of(item);
                body.ifPresent(b -> resources.add(Resource.of(b, origin)));
            }
        }
        SecretGetter secrets = new SecretGetter(get, retry);
        query.secrets().forEach(id -> secrets.get(id).ifPresent(b -> resources.add(Resource.of(b, origin))));
        query.probes().forEach(id -> secrets.exists(id).ifPresent(b -> resources.add(Resource.of(b, origin))));
        diagnostics.throwIfErrors("live state of context '" + context + "'");
        resources.sort(Comparator.comparing(Resource::id));
        List<String> warnings = retry.notes();
        String source = "context " + context + ", " + layout.description()
                + (warnings.isEmpty() ? "" : "; " + String.join("; ", warnings));
        List<String> kindsRead = keys.stream().map(KindKey::toString).toList();
        return new LiveReadResult(new LiveSnapshot(source, resources, kindsRead), warnings);
    }

    /** The context name used in messages and the snapshot's source. */
    public String context() {
        return context;
    }

    static Config loadConfig(Path kubeconfig, String context) {
        Config config;
        try {
            if (kubeconfig != null) {
                if (!Files.isRegularFile(kubeconfig)) {
                    throw new ClusterAccessException("kubeconfig " + kubeconfig + " does not exist or is not a file");
                }
                config = Config.fromKubeconfig(context, kubeconfig.toFile());
            } else {
                config = Config.autoConfigure(context);
            }
        } catch (ClusterAccessException e) {
            throw e;
        } catch (RuntimeException e) {
            // Any failure to read it (a YAML syntax error comes from the YAML parser, not as a fabric8 exception) is
            // an access failure, and its message may quote the kubeconfig's lines, tokens included: keep only the
            // line and column, never the text, and no cause (--stacktrace would print it).
            throw new ClusterAccessException("cannot load the kubeconfig"
                    + (kubeconfig == null ? "" : " " + kubeconfig) + " (" + e.getClass().getSimpleName()
                    + where(e) + ")");
        }
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            List<String> known = config.getContexts() == null ? List.of()
                    : config.getContexts().stream().map(c -> c.getName()).sorted().toList();
            throw new ClusterAccessException("context '" + context + "' is not in the kubeconfig"
                    + (known.isEmpty() ? "" : " (contexts: " + String.join(", ", known) + ")"));
        }
        return config;
    }

    /** {@code , line L, column C} of a YAML parse error anywhere in the cause chain; empty when there is none. */
    private static String where(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // fabric8 parses kubeconfigs with snakeyaml-engine; its marks are 0-based.
            if (t instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException y && y.getProblemMark().isPresent()) {
                return ", line " + (y.getProblemMark().get().getLine() + 1)
                        + ", column " + (y.getProblemMark().get().getColumn() + 1);
            }
        }
        return "";
    }

    static Config withTimeouts(Config config, Duration requestTimeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
        config.setRequestTimeout(millis);
        // Our RequestRetry retries (bounded, only idempotent GETs, and noted); fabric8's own retries would hide them.
        config.setRequestRetryBackoffLimit(0);
        return config;
    }
}
