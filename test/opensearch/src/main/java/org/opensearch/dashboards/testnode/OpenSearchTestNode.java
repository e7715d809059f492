package org.opensearch.dashboards.testnode;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single OpenSearch node started in-process from Maven jars, with its modules loaded as classpath plugins.
 * It never goes through Bootstrap, so it runs as root and without the security manager or bootstrap checks.
 * Usage: OpenSearchTestNode --http-port 9250 --transport-port 9350 --home /tmp/dir [--cluster-name name]
 *        [--node-name name] [--seed-hosts 127.0.0.1:9350,127.0.0.1:9351 --initial-managers n1,n2,n3]
 *        [--exit-on-stdin-eof] (exit when the parent closes our stdin, e.g. because the parent died)
 * Without --seed-hosts the node is a single-node cluster; with them it joins (or forms) a multi-node one.
 */
public final class OpenSearchTestNode extends Node {
    private static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class, PainlessPlugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class);

    private OpenSearchTestNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
        super(env, plugins, true);
    }

    @Override
    protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {
        // The real server registers a listener that feeds the node id into the log pattern; not needed here.
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        if (fallback == null) throw new IllegalArgumentException("missing required argument " + name);
        return fallback;
    }

    private static void exitWhenStdinCloses() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore anything the parent writes; only end-of-file matters
                }
            } catch (Exception e) {
                // treat a broken stdin like end-of-file
            }
            System.exit(0);
        }, "osd-test-node-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    public static void main(String[] args) {
        // LogConfigurator.configure redirects System.out/err into log4j; keep the real streams for READY and errors.
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        try {
            run(args, stdout, stderr);
        } catch (Throwable t) {
            t.printStackTrace(stderr);
            System.exit(1);
        }
    }

    private static void run(String[] args, PrintStream stdout, PrintStream stderr) throws Exception {
        if (List.of(args).contains("--exit-on-stdin-eof")) exitWhenStdinCloses();
        Path home = Paths.get(arg(args, "--home", null)).toAbsolutePath();
        String httpPort = arg(args, "--http-port", "9200");
        String transportPort = arg(args, "--transport-port", "9300");
        for (String dir : new String[] { "config", "data", "logs", "modules", "plugins" }) {
            Files.createDirectories(home.resolve(dir));
        }
        try (InputStream in = OpenSearchTestNode.class.getResourceAsStream("/log4j2.properties")) {
            Files.copy(in, home.resolve("config/log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }

        String nodeName = arg(args, "--node-name", "osd-test-node");
        String seedHosts = arg(args, "--seed-hosts", "");
        Settings.Builder builder = Settings.builder()
            .put("cluster.name", arg(args, "--cluster-name", "osd-test-cluster"))
            .put("node.name", nodeName);
        if (seedHosts.isEmpty()) {
            builder.put("discovery.type", "single-node");
        } else {
            builder.putList("discovery.seed_hosts", List.of(seedHosts.split(",")));
            String managers = arg(args, "--initial-managers", "");
            // Only for the very first election; a node that already has cluster state ignores it.
            if (!managers.isEmpty()) builder.putList("cluster.initial_cluster_manager_nodes", List.of(managers.split(",")));
        }
        Settings settings = builder
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", httpPort)
            .put("transport.port", transportPort)
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true)
            .build();

        Environment env = InternalSettingsPreparer.prepareEnvironment(
            settings, Collections.emptyMap(), home.resolve("config"), () -> nodeName);
        LogConfigurator.registerErrorListener();
        LogConfigurator.configure(env);

        OpenSearchTestNode node = new OpenSearchTestNode(env, PLUGINS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace(stderr);
            } finally {
                stopped.countDown();
            }
        }, "osd-test-node-shutdown"));

        node.start();
        int port = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        stdout.println("READY http://127.0.0.1:" + port);
        stdout.flush();
        stopped.await();
    }
}
