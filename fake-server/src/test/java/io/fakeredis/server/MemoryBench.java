package io.fakeredis.server;

import io.fakeredis.core.Engine;
import io.fakeredis.core.db.Database;
import java.nio.charset.StandardCharsets;

/**
 * Heap cost of string keys in the fake engine, for bench/memory.sh: loads N keys ("key:" plus
 * 12 digits, 16 bytes) with 10-byte values ("val:" plus 6 digits) and prints the retained heap
 * per key after a full GC. Not a test; run with the test classpath.
 */
public final class MemoryBench {
    private MemoryBench() {}

    static byte[] key(int i) {
        return String.format("key:%012d", i).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] value(int i) {
        return String.format("val:%06d", i % 1_000_000).getBytes(StandardCharsets.US_ASCII);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Engine engine = new Engine(new io.fakeredis.core.clock.ManualClock());
        Database db = engine.db(0);
        long before = usedAfterGc();
        engine.lock.lock();
        try {
            for (int i = 0; i < n; i++) db.setKey(key(i), value(i), false);
        } finally {
            engine.lock.unlock();
        }
        long after = usedAfterGc();
        if (db.size() != n) throw new AssertionError("loaded " + db.size() + " keys, wanted " + n);
        long bytes = after - before;
        System.out.printf("fake: %d keys, heap %d bytes, %.1f bytes/key (dict capacity %d slots)%n", n, bytes,
                (double) bytes / n, db.dict().capacity());
        engine.close();
    }
}
