package io.fakeredis.core.scripting.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fakeredis.core.ReplySink;
import io.fakeredis.core.scripting.LuaRuntime;
import io.fakeredis.core.scripting.ScriptError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The runtime on its own: results and errors as Redis 7.0.15 words them (its replies, read by hand). */
class VmRuntimeTest {
    /** Writes a reply as RESP-like text: enough to compare shapes and values. */
    static final class TextSink implements ReplySink {
        final StringBuilder out = new StringBuilder();
        int resp = 2;

        @Override public int resp() { return resp; }
        @Override public void resp(int version) { resp = version; }
        @Override public void status(String s) { out.append('+').append(s).append(' '); }
        @Override public void error(String s) { out.append('-').append(s).append(' '); }
        @Override public void integer(long v) { out.append(':').append(v).append(' '); }
        @Override public void bulk(byte[] b, int off, int len) { out.append('$').append(new String(b, off, len, StandardCharsets.ISO_8859_1)).append(' '); }
        @Override public void nullBulk() { out.append("$nil "); }
        @Override public void nullArray() { out.append("*nil "); }
        @Override public void array(int n) { out.append('*').append(n).append(' '); }
        @Override public void map(int n) { out.append('%').append(n).append(' '); }
        @Override public void set(int n) { out.append('~').append(n).append(' '); }
        @Override public void push(int n) { out.append('>').append(n).append(' '); }
        @Override public void dbl(double d) { out.append(',').append(d).append(' '); }
        @Override public void bool(boolean b) { out.append('#').append(b).append(' '); }
        @Override public void verbatim(String format, byte[] text) { out.append('=').append(format).append(' '); }
    }

    static final class EchoBridge implements LuaRuntime.Bridge {
        int resp = 2;

        @Override
        public void call(byte[][] argv, ReplySink sink) {
            String cmd = new String(argv[0], StandardCharsets.UTF_8).toLowerCase();
            if (cmd.equals("nosuch")) throw new ScriptError("ERR Unknown Redis command called from script");
            if (cmd.equals("err")) {
                sink.error("WRONGTYPE Operation against a key holding the wrong kind of value");
                return;
            }
            sink.array(argv.length);
            for (byte[] a : argv) sink.bulk(a, 0, a.length);
        }

        @Override public void setResp(int r) { resp = r; }
        @Override public int resp() { return resp; }
        @Override public void log(int level, String message) {}
    }

    private final VmRuntime rt = new VmRuntime("7.0.15", 0x07000f);

    private String eval(String script) {
        TextSink out = new TextSink();
        try {
            rt.run(rt.compile("user_script", script.getBytes(StandardCharsets.UTF_8)), new byte[][] {"k".getBytes()},
                    new byte[][] {"a".getBytes()}, new EchoBridge(), out);
        } catch (ScriptError e) {
            return "ERROR " + e.getMessage() + (e.line > 0 ? " @" + e.source + ":" + e.line : "");
        }
        return out.out.toString().trim();
    }

    @Test
    void results() {
        assertThat(eval("return {1, 'a', true, false, nil, 2}")).isEqualTo("*4 :1 $a :1 $nil");
        assertThat(eval("return 1/3 .. ''")).isEqualTo("$0.33333333333333");
        assertThat(eval("return {KEYS[1], ARGV[1]}")).isEqualTo("*2 $k $a");
        assertThat(eval("return redis.call('echo', 'x', 1.5)")).isEqualTo("*3 $echo $x $1.5");
        assertThat(eval("return redis.status_reply('FINE')")).isEqualTo("+FINE");
        assertThat(eval("return redis.error_reply('MY thing')")).isEqualTo("-MY thing");
        assertThat(eval("return redis.error_reply('x')")).isEqualTo("-ERR x");
        assertThat(eval("return redis.error_reply()")).isEqualTo("-ERR wrong number or type of arguments");
        assertThat(eval("return redis.pcall('nosuch')")).isEqualTo("-ERR Unknown Redis command called from script");
        assertThat(eval("return 0/0")).isEqualTo(":-9223372036854775808");
        assertThat(eval("return cjson.encode({a=1})")).isEqualTo("$" + "{\"a\":1}");
        assertThat(eval("return {type(coroutine), coroutine.resume(coroutine.create(function(a) return a + 1 end), 1)}"))
                .isEqualTo("*3 $table :1 :2");
    }

    @Test
    void errors() {
        assertThat(eval("x = 1")).isEqualTo("ERROR ERR user_script:1: Attempt to modify a readonly table @@user_script:1");
        assertThat(eval("return x")).isEqualTo("ERROR ERR user_script:1: Script attempted to access nonexistent global variable 'x' @@user_script:1");
        assertThat(eval("\nerror('boom', 0)")).isEqualTo("ERROR ERR boom @@user_script:2");
        assertThat(eval("error({err='my err'})")).isEqualTo("ERROR my err @@user_script:1");
        assertThat(eval("return redis.call('nosuch')")).isEqualTo("ERROR ERR Unknown Redis command called from script @@user_script:1");
        assertThat(eval("return redis.call('err')"))
                .isEqualTo("ERROR WRONGTYPE Operation against a key holding the wrong kind of value @@user_script:1");
        assertThat(eval("rawset(_G, 'x', 1)")).isEqualTo("ERROR ERR Attempt to modify a readonly table @@user_script:1");
        assertThat(eval("string.x = 1")).isEqualTo("ERROR ERR user_script:1: Attempt to modify a readonly table @@user_script:1");
        assertThat(eval("local t = {} ; t.x.y = 1")).isEqualTo("ERROR ERR user_script:1: attempt to index field 'x' (a nil value) @@user_script:1");
        assertThat(eval("return cmsgpack.unpack(string.char(0x81, 0xc0, 1))")).isEqualTo("ERROR ERR table index is nil @@user_script:1");
        assertThat(eval("local f = loadstring('y = 5') f()"))
                .isEqualTo("ERROR ERR [string \"y = 5\"]:1: Attempt to modify a readonly table @y = 5:1");
    }

    @Test
    void deepCjsonOnASmallStack() throws Exception {
        String[] r = new String[1];
        Thread t = new Thread(null, () -> r[0] = eval("local t={} t[1]=t return cjson.encode(t)"), "small", 512 * 1024);
        t.start();
        t.join();
        assertThat(r[0]).isEqualTo("ERROR ERR user_script:1: Cannot serialise, excessive nesting (1001) @@user_script:1");
    }

    @Test
    void killRaisesWithThePosition() {
        rt.periodic(rt::kill);
        assertThat(eval("local i = 0\nwhile true do i = i + 1 end"))
                .isEqualTo("ERROR ERR Script killed by user with SCRIPT KILL... @@user_script:2");
        rt.periodic(null);
    }
}
