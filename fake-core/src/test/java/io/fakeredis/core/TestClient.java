package io.fakeredis.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Runs commands straight on an engine and decodes the answer into plain Java values: Long for
 * integers, String for bulk and status ("+OK"), "-ERR ..." for errors, null for nulls, List for
 * aggregates.
 */
public final class TestClient implements ReplySink {
    public final Engine engine;
    public final Client client;
    private int resp = 2;
    private final List<Object> top = new ArrayList<>();
    private final Deque<Object[]> open = new ArrayDeque<>(); // {List, remaining}

    public TestClient(Engine engine) {
        this.engine = engine;
        this.client = engine.connect(new Client.Transport() {}, this);
    }

    /** Runs one command under the engine lock and returns its decoded reply. */
    public Object call(String... args) {
        byte[][] argv = new byte[args.length][];
        for (int i = 0; i < args.length; i++) argv[i] = args[i].getBytes(StandardCharsets.UTF_8);
        return call(argv);
    }

    public Object call(byte[]... argv) {
        top.clear();
        open.clear();
        engine.lock.lock();
        try {
            engine.execute(client, argv);
        } finally {
            engine.lock.unlock();
        }
        if (top.size() != 1) throw new AssertionError("expected one reply, got " + top);
        return top.get(0);
    }

    private void add(Object v) {
        if (open.isEmpty()) {
            top.add(v);
            return;
        }
        Object[] frame = open.peek();
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) frame[0];
        list.add(v);
        frame[1] = (Integer) frame[1] - 1;
        while (!open.isEmpty() && (Integer) open.peek()[1] == 0) {
            Object[] done = open.pop();
            if (open.isEmpty()) {
                top.add(done[0]);
            } else {
                Object[] parent = open.peek();
                @SuppressWarnings("unchecked")
                List<Object> pl = (List<Object>) parent[0];
                pl.add(done[0]);
                parent[1] = (Integer) parent[1] - 1;
            }
        }
    }

    private void aggregate(int n) {
        if (n == 0) {
            add(new ArrayList<>());
            return;
        }
        open.push(new Object[] {new ArrayList<>(), n});
    }

    @Override public int resp() { return resp; }
    @Override public void resp(int version) { resp = version; }
    @Override public void status(String s) { add("+" + s); }
    @Override public void error(String s) { add("-" + s); }
    @Override public void integer(long v) { add(v); }
    @Override public void bulk(byte[] b, int off, int len) { add(new String(b, off, len, StandardCharsets.UTF_8)); }
    @Override public void nullBulk() { add(null); }
    @Override public void nullArray() { add(null); }
    @Override public void array(int n) { aggregate(n); }
    @Override public void map(int n) { aggregate(2 * n); }
    @Override public void set(int n) { aggregate(n); }
    @Override public void push(int n) { aggregate(n); }
    @Override public void dbl(double d) { add(d); }
    @Override public void bool(boolean b) { add(b ? 1L : 0L); }
    @Override public void verbatim(String format, byte[] text) { add(new String(text, StandardCharsets.UTF_8)); }
}
