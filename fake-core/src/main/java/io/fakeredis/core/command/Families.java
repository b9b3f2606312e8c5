package io.fakeredis.core.command;

import io.fakeredis.core.Client;
import io.fakeredis.core.cmd.AclCommands;
import io.fakeredis.core.cmd.BitmapCommands;
import io.fakeredis.core.cmd.BlockingCommands;
import io.fakeredis.core.cmd.ClientCommands;
import io.fakeredis.core.cmd.ConnectionCommands;
import io.fakeredis.core.cmd.FunctionCommands;
import io.fakeredis.core.cmd.GeoCommands;
import io.fakeredis.core.cmd.HashCommands;
import io.fakeredis.core.cmd.HyperLogLogCommands;
import io.fakeredis.core.cmd.KeyCommands;
import io.fakeredis.core.cmd.LatencyCommands;
import io.fakeredis.core.cmd.ListCommands;
import io.fakeredis.core.cmd.PubSubCommands;
import io.fakeredis.core.cmd.ScriptCommands;
import io.fakeredis.core.cmd.ServerCommands;
import io.fakeredis.core.cmd.SetCommands;
import io.fakeredis.core.cmd.SortCommands;
import io.fakeredis.core.cmd.StreamCommands;
import io.fakeredis.core.cmd.StringCommands;
import io.fakeredis.core.cmd.TransactionCommands;
import io.fakeredis.core.cmd.ZSetCommands;

/**
 * Every command family in one place: which rows each family implements, and the switch that
 * runs them. A family's class (most of the bytecode) loads when its first command runs, not
 * when the table is built: the first engine in a JVM starts faster (docs/startup.md).
 */
final class Families {
    static final int CONNECTION = 0;
    static final int CLIENT = 1;
    static final int SERVER = 2;
    static final int KEY = 3;
    static final int STRING = 4;
    static final int LIST = 5;
    static final int HASH = 6;
    static final int SET = 7;
    static final int ZSET = 8;
    static final int STREAM = 9;
    static final int SORT = 10;
    static final int BLOCKING = 11;
    static final int PUBSUB = 12;
    static final int TRANSACTION = 13;
    static final int SCRIPT = 14;
    static final int FUNCTION = 15;
    static final int BITMAP = 16;
    static final int HYPERLOGLOG = 17;
    static final int GEO = 18;
    static final int ACL = 19;
    static final int LATENCY = 20;

    private Families() {}

    static void registerAll(CommandTable t) {
        t.bind(CONNECTION,
                "ping", "echo", "quit", "select", "hello", "auth", "reset");
        t.bind(CLIENT,
                "client|id", "client|setname", "client|getname", "client|info", "client|list", "client|kill",
                "client|no-evict", "client|pause", "client|unpause", "client|reply", "client|getredir",
                "client|trackinginfo", "client|help", "client|tracking", "client|caching");
        t.bind(SERVER,
                "time", "info", "lastsave", "role", "lolwut", "config|get", "config|set", "config|resetstat",
                "config|rewrite", "config|help", "command", "command|count", "command|info", "command|list",
                "command|docs", "command|getkeys", "command|getkeysandflags", "command|help", "slowlog|get",
                "slowlog|len", "slowlog|reset", "slowlog|help", "debug", "module|list", "module|help",
                "module|load", "module|loadex", "module|unload", "monitor");
        t.protect("debug", "module|load", "module|loadex", "module|unload");
        t.mayReplicate("eval", "evalsha", "fcall", "publish", "spublish", "pfcount", "function|load", "function|delete",
                "function|flush", "function|restore");
        t.bind(LATENCY,
                "latency|doctor", "latency|graph", "latency|help", "latency|histogram", "latency|history",
                "latency|latest", "latency|reset");
        t.bind(KEY,
                "del", "unlink", "exists", "type", "expire", "pexpire", "expireat", "pexpireat", "ttl", "pttl",
                "expiretime", "pexpiretime", "persist", "keys", "scan", "randomkey", "rename", "renamenx",
                "copy", "move", "touch", "dbsize", "flushdb", "flushall", "swapdb", "wait", "object|help",
                "object|encoding", "object|refcount", "object|idletime", "object|freq");
        t.bind(STRING,
                "get", "set", "setnx", "setex", "psetex", "getex", "getdel", "getset", "setrange", "getrange",
                "substr", "mget", "mset", "msetnx", "incr", "decr", "incrby", "decrby", "incrbyfloat",
                "append", "strlen", "lcs");
        t.bind(LIST,
                "lpush", "rpush", "lpushx", "rpushx", "lpop", "rpop", "llen", "lrange", "lindex", "lset",
                "linsert", "lrem", "ltrim", "lpos", "lmove", "rpoplpush", "lmpop");
        t.bind(HASH,
                "hset", "hmset", "hsetnx", "hget", "hmget", "hdel", "hlen", "hstrlen", "hexists", "hkeys",
                "hvals", "hgetall", "hincrby", "hincrbyfloat", "hrandfield", "hscan");
        t.bind(SET,
                "sadd", "srem", "scard", "sismember", "smismember", "smembers", "srandmember", "spop", "smove",
                "sinter", "sinterstore", "sintercard", "sunion", "sunionstore", "sdiff", "sdiffstore", "sscan");
        t.bind(ZSET,
                "zadd", "zincrby", "zcard", "zscore", "zmscore", "zrem", "zrank", "zrevrank", "zcount",
                "zlexcount", "zrange", "zrangestore", "zrevrange", "zrangebyscore", "zrevrangebyscore",
                "zrangebylex", "zrevrangebylex", "zremrangebyrank", "zremrangebyscore", "zremrangebylex",
                "zunion", "zinter", "zdiff", "zunionstore", "zinterstore", "zdiffstore", "zintercard",
                "zpopmin", "zpopmax", "zmpop", "bzpopmin", "bzpopmax", "bzmpop", "zrandmember", "zscan");
        t.bind(STREAM,
                "xadd", "xlen", "xrange", "xrevrange", "xdel", "xtrim", "xsetid", "xread", "xinfo|stream",
                "xinfo|help", "xinfo|groups", "xinfo|consumers", "xgroup|create", "xgroup|setid", "xgroup|destroy",
                "xgroup|createconsumer", "xgroup|delconsumer", "xgroup|help", "xreadgroup", "xack", "xpending",
                "xclaim", "xautoclaim");
        t.bind(SORT,
                "sort", "sort_ro");
        t.bind(BLOCKING,
                "blpop", "brpop", "blmpop", "blmove", "brpoplpush", "client|unblock");
        t.bind(PUBSUB,
                "subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe",
                "publish", "spublish", "pubsub|channels", "pubsub|shardchannels", "pubsub|numsub",
                "pubsub|shardnumsub", "pubsub|numpat", "pubsub|help");
        t.bind(TRANSACTION,
                "multi", "exec", "discard", "watch", "unwatch");
        t.bind(SCRIPT,
                "eval", "evalsha", "eval_ro", "evalsha_ro", "script|load", "script|exists", "script|flush",
                "script|kill", "script|help");
        t.bind(FUNCTION,
                "fcall", "fcall_ro", "function|load", "function|list", "function|delete", "function|flush",
                "function|stats", "function|dump", "function|restore", "function|kill", "function|help");
        t.bind(BITMAP,
                "setbit", "getbit", "bitcount", "bitpos", "bitop", "bitfield", "bitfield_ro");
        t.bind(HYPERLOGLOG,
                "pfadd", "pfcount", "pfmerge", "pfdebug", "pfselftest");
        t.bind(GEO,
                "geoadd", "geodist", "geohash", "geopos", "georadius", "georadius_ro", "georadiusbymember",
                "georadiusbymember_ro", "geosearch", "geosearchstore");
        t.bind(ACL,
                "acl|setuser", "acl|getuser", "acl|deluser", "acl|users", "acl|list", "acl|whoami", "acl|cat",
                "acl|genpass", "acl|load", "acl|save", "acl|dryrun", "acl|log", "acl|help");
    }

    static void dispatch(int family, String name, Client c) {
        switch (family) {
            case CONNECTION -> ConnectionCommands.dispatch(name, c);
            case CLIENT -> ClientCommands.dispatch(name, c);
            case SERVER -> ServerCommands.dispatch(name, c);
            case KEY -> KeyCommands.dispatch(name, c);
            case STRING -> StringCommands.dispatch(name, c);
            case LIST -> ListCommands.dispatch(name, c);
            case HASH -> HashCommands.dispatch(name, c);
            case SET -> SetCommands.dispatch(name, c);
            case ZSET -> ZSetCommands.dispatch(name, c);
            case STREAM -> StreamCommands.dispatch(name, c);
            case SORT -> SortCommands.dispatch(name, c);
            case BLOCKING -> BlockingCommands.dispatch(name, c);
            case PUBSUB -> PubSubCommands.dispatch(name, c);
            case TRANSACTION -> TransactionCommands.dispatch(name, c);
            case SCRIPT -> ScriptCommands.dispatch(name, c);
            case FUNCTION -> FunctionCommands.dispatch(name, c);
            case BITMAP -> BitmapCommands.dispatch(name, c);
            case HYPERLOGLOG -> HyperLogLogCommands.dispatch(name, c);
            case GEO -> GeoCommands.dispatch(name, c);
            case ACL -> AclCommands.dispatch(name, c);
            case LATENCY -> LatencyCommands.dispatch(name, c);
            default -> throw new IllegalStateException("no family " + family);
        }
    }
}
