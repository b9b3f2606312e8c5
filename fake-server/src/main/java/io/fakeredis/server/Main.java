package io.fakeredis.server;

import io.fakeredis.core.Engine;
import io.fakeredis.core.clock.Clock;
import java.util.concurrent.CountDownLatch;

/** Standalone server: {@code java -jar fake-server-standalone.jar --port 6379}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 6379;
        String bind = "127.0.0.1";
        String password = null;
        int ioThreads = FakeRedisServer.defaultIoThreads();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port": port = Integer.parseInt(value(args, ++i, a)); break;
                case "--bind": bind = value(args, ++i, a); break;
                case "--requirepass": password = value(args, ++i, a); break;
                case "--io-threads": ioThreads = Integer.parseInt(value(args, ++i, a)); break;
                case "-h":
                case "--help":
                    System.out.println("usage: fakeredis [--port 6379] [--bind 127.0.0.1] [--requirepass PASS] [--io-threads N]");
                    return;
                default:
                    System.err.println("unknown option " + a + " (try --help)");
                    System.exit(2);
            }
        }
        Engine engine = new Engine(Clock.system());
        engine.commandLog.enabled(false);
        if (password != null) engine.config().set("requirepass", password);
        engine.config().set("port", Integer.toString(port));
        FakeRedisServer server = FakeRedisServer.start(engine, bind, port, ioThreads);
        engine.config().set("port", Integer.toString(server.port()));
        System.out.println("FakeRedis " + Engine.VERSION + " ready on " + server.host() + ":" + server.port());
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            engine.close();
            done.countDown();
        }));
        done.await();
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            System.err.println(flag + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}
