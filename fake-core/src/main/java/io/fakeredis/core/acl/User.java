package io.fakeredis.core.acl;

import io.fakeredis.core.RedisException;
import io.fakeredis.core.command.Command;
import io.fakeredis.core.command.CommandTable;
import io.fakeredis.core.util.Glob;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/** One ACL user (Redis's user with its root selector): flags, passwords and permissions. */
public final class User {
    static final int READ = 1;
    static final int WRITE = 2;

    /** A key pattern with its %R/%W permissions. */
    record KeyPattern(int flags, byte[] pattern) {}

    public final String name;
    boolean enabled;
    boolean nopass;
    /** 0, or the payload flag: SKIP_SANITIZE or SANITIZE. */
    int payload;
    static final int SKIP_SANITIZE = 1;
    static final int SANITIZE = 2;
    final List<String> passwords = new ArrayList<>();
    /** Allowed commands by Command.id; the extra last bit is "commands added later" (+@all). */
    BitSet allowed;
    boolean allKeys;
    final List<KeyPattern> keys = new ArrayList<>();
    boolean allChannels;
    final List<byte[]> channels = new ArrayList<>();
    /** The category rules as given ("+@hash", "-@dangerous"), which ACL LIST repeats. */
    final List<String> categoryRules = new ArrayList<>();
    /** Everything allowed: the dispatcher then skips every ACL check. */
    public boolean unrestricted;
    /** 7.0 selectors: extra permission sets, each a User with only keys, channels and commands. */
    final List<User> selectors = new ArrayList<>();
    boolean isSelector;

    User(String name, int commands) {
        this.name = name;
        this.allowed = new BitSet(commands + 1);
    }

    User copy(int commands) {
        User u = new User(name, commands);
        u.enabled = enabled;
        u.nopass = nopass;
        u.payload = payload;
        u.passwords.addAll(passwords);
        u.allowed = (BitSet) allowed.clone();
        u.allKeys = allKeys;
        u.keys.addAll(keys);
        u.allChannels = allChannels;
        u.channels.addAll(channels);
        u.categoryRules.addAll(categoryRules);
        u.unrestricted = unrestricted;
        u.isSelector = isSelector;
        for (User s : selectors) u.selectors.add(s.copy(commands));
        return u;
    }

    void copyFrom(User o) {
        enabled = o.enabled;
        nopass = o.nopass;
        payload = o.payload;
        passwords.clear();
        passwords.addAll(o.passwords);
        allowed = o.allowed;
        allKeys = o.allKeys;
        keys.clear();
        keys.addAll(o.keys);
        allChannels = o.allChannels;
        channels.clear();
        channels.addAll(o.channels);
        categoryRules.clear();
        categoryRules.addAll(o.categoryRules);
        unrestricted = o.unrestricted;
        selectors.clear();
        selectors.addAll(o.selectors);
    }

    /** SHA-256 hex of each password, in the order they were added. */
    public List<String> passwords() {
        return java.util.Collections.unmodifiableList(passwords);
    }

    public boolean nopassword() {
        return nopass;
    }

    public boolean enabled() {
        return enabled;
    }

    void update(CommandTable t) {
        unrestricted = allKeys && allChannels && allowed.cardinality() == t.size() + 1;
        for (User s : selectors) {
            s.update(t);
            unrestricted |= s.unrestricted;
        }
    }

    /** Whether the password opens this user (an enabled user is the caller's concern). */
    boolean checkPassword(byte[] pass) {
        if (nopass) return true;
        return passwords.contains(sha256(pass));
    }

    static String sha256(byte[] b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b);
            StringBuilder s = new StringBuilder(64);
            for (byte x : d) s.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean validHash(String h) {
        if (h.length() != 64) return false;
        for (int i = 0; i < 64; i++) {
            char ch = h.charAt(i);
            if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
        }
        return true;
    }

    /** ACLSetUser: applies one rule, or throws the reason (without the SETUSER prefix). */
    void apply(CommandTable t, byte[] opBytes) {
        String op = new String(opBytes, StandardCharsets.ISO_8859_1);
        String lower = op.toLowerCase(Locale.ROOT);
        int all = t.size();
        if (isSelector) {
            switch (lower) {
                case "on", "off", "nopass", "resetpass", "reset", "sanitize-payload", "skip-sanitize-payload",
                        "clearselectors" -> throw new RedisException("Syntax error");
                default -> {
                    char f = op.isEmpty() ? ' ' : op.charAt(0);
                    if (f == '>' || f == '<' || f == '#' || f == '!' || f == '(') throw new RedisException("Syntax error");
                }
            }
        }
        if (op.length() > 1 && op.charAt(0) == '(' && op.charAt(op.length() - 1) == ')') {
            User s = new User(null, all);
            s.isSelector = true;
            for (String part : op.substring(1, op.length() - 1).split(" ")) {
                if (!part.isEmpty()) s.apply(t, part.getBytes(StandardCharsets.ISO_8859_1));
            }
            selectors.add(s);
            return;
        }
        switch (lower) {
            case "on" -> { enabled = true; return; }
            case "off" -> { enabled = false; return; }
            case "nopass" -> { nopass = true; passwords.clear(); return; }
            case "resetpass" -> { nopass = false; passwords.clear(); return; }
            case "allkeys", "~*" -> { allKeys = true; keys.clear(); return; }
            case "resetkeys" -> { allKeys = false; keys.clear(); return; }
            case "allchannels", "&*" -> { allChannels = true; channels.clear(); return; }
            case "resetchannels" -> { allChannels = false; channels.clear(); return; }
            case "allcommands", "+@all" -> { allowed.set(0, all + 1); categoryRules.clear(); return; }
            case "nocommands", "-@all" -> { allowed.clear(); categoryRules.clear(); return; }
            case "reset" -> {
                nopass = false;
                passwords.clear();
                allKeys = false;
                keys.clear();
                allChannels = false;
                channels.clear();
                enabled = false;
                selectors.clear();
                payload = SANITIZE;
                allowed.clear();
                categoryRules.clear();
                return;
            }
            case "sanitize-payload" -> { payload = SANITIZE; return; }
            case "clearselectors" -> { selectors.clear(); return; }
            case "skip-sanitize-payload" -> { payload = SKIP_SANITIZE; return; }
            default -> { }
        }
        if (op.isEmpty()) throw new RedisException("Syntax error");
        char first = op.charAt(0);
        if (first == '>' || first == '#') {
            String hash;
            if (first == '>') {
                hash = sha256(java.util.Arrays.copyOfRange(opBytes, 1, opBytes.length));
            } else {
                hash = op.substring(1);
                if (!validHash(hash)) {
                    throw new RedisException("The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters");
                }
            }
            if (!passwords.contains(hash)) passwords.add(hash);
            nopass = false;
            return;
        }
        if (first == '<' || first == '!') {
            String hash;
            if (first == '<') {
                hash = sha256(java.util.Arrays.copyOfRange(opBytes, 1, opBytes.length));
            } else {
                hash = op.substring(1);
                if (!validHash(hash)) {
                    throw new RedisException("The password hash must be exactly 64 characters and contain only lowercase hexadecimal characters");
                }
            }
            if (!passwords.remove(hash)) {
                throw new RedisException("The password you are trying to remove from the user does not exist");
            }
            return;
        }
        if (first == '~' || first == '%') {
            // as ACLSetSelector: allkeys is checked before the pattern's flags are read
            if (allKeys) {
                throw new RedisException("Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. Try 'resetkeys' to start with an empty list of patterns");
            }
            int flags = READ | WRITE;
            int start = 1;
            if (first == '%') {
                flags = 0;
                int i = 1;
                for (; i < op.length() && op.charAt(i) != '~'; i++) {
                    char f = Character.toUpperCase(op.charAt(i));
                    if (f == 'R' && (flags & READ) == 0) flags |= READ;
                    else if (f == 'W' && (flags & WRITE) == 0) flags |= WRITE;
                    else throw new RedisException("Syntax error"); // also a repeated R or W
                }
                if (i == op.length() || flags == 0) throw new RedisException("Syntax error");
                start = i + 1;
            }
            byte[] p = java.util.Arrays.copyOfRange(opBytes, start, opBytes.length);
            if (flags == (READ | WRITE) && p.length == 1 && p[0] == '*') {
                allKeys = true;
                keys.clear();
                return;
            }
            for (int i = 0; i < keys.size(); i++) {
                KeyPattern k = keys.get(i);
                if (java.util.Arrays.equals(k.pattern(), p)) {
                    keys.set(i, new KeyPattern(k.flags() | flags, p));
                    return;
                }
            }
            keys.add(new KeyPattern(flags, p));
            return;
        }
        if (first == '&') {
            if (allChannels) {
                throw new RedisException("Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. Try 'resetchannels' to start with an empty list of channels");
            }
            byte[] p = java.util.Arrays.copyOfRange(opBytes, 1, opBytes.length);
            for (byte[] c : channels) if (java.util.Arrays.equals(c, p)) return;
            channels.add(p);
            return;
        }
        if ((first == '+' || first == '-') && op.length() > 1) {
            boolean allow = first == '+';
            if (op.charAt(1) == '@') {
                int cat = Acl.categoryIndex(lower.substring(2));
                if (cat < 0) throw new RedisException("Unknown command or category name in ACL");
                String tag = "@" + Acl.CATEGORIES[cat];
                for (int id = 0; id < all; id++) {
                    if (t.byId(id).aclCategories.contains(tag)) allowed.set(id, allow);
                }
                // a category rule replaces an earlier one on the same category; the opposite cancels it
                boolean cancelled = false;
                for (int i = 0; i < categoryRules.size(); i++) {
                    String r = categoryRules.get(i);
                    if (r.substring(1).equals(tag)) {
                        cancelled = (r.charAt(0) == '+') != allow;
                        categoryRules.remove(i);
                        break;
                    }
                }
                if (!cancelled) categoryRules.add((allow ? "+" : "-") + tag);
                return;
            }
            Command cmd = t.lookup(lower.substring(1));
            if (cmd == null) {
                int bar = lower.indexOf('|');
                Command parent = bar < 0 ? null : t.lookup(lower.substring(1, bar));
                if (parent == null) throw new RedisException("Unknown command or category name in ACL");
                if (parent.isContainer()) throw new RedisException("Unknown command or category name in ACL");
                // first-arg rules (+select|0) are accepted; the fake does not enforce them
                return;
            }
            if (cmd.parent == null && lower.indexOf('|') >= 0 && !cmd.isContainer()) return;
            allowed.set(cmd.id, allow);
            for (Command s : cmd.subcommands().values()) allowed.set(s.id, allow);
            return;
        }
        throw new RedisException("Syntax error");
    }

    // ---- descriptions ----

    String keysText() {
        if (allKeys) return "~*";
        StringBuilder b = new StringBuilder();
        for (KeyPattern k : keys) {
            if (b.length() > 0) b.append(' ');
            if (k.flags() == READ) b.append("%R");
            else if (k.flags() == WRITE) b.append("%W");
            b.append('~').append(new String(k.pattern(), StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }

    String channelsText() {
        if (allChannels) return "&*";
        StringBuilder b = new StringBuilder();
        for (byte[] c : channels) {
            if (b.length() > 0) b.append(' ');
            b.append('&').append(new String(c, StandardCharsets.ISO_8859_1));
        }
        return b.toString();
    }

    /** ACLDescribeSelectorCommandRules: +@all or -@all, the categories that fit best, then single commands. */
    String commandsText(CommandTable t) {
        int all = t.size();
        boolean additive = !allowed.get(all);
        BitSet fake = new BitSet(all + 1);
        StringBuilder b = new StringBuilder(additive ? "-@all" : "+@all");
        if (!additive) fake.set(0, all + 1);
        // the category rules as given, then each command that differs from what they grant
        for (String r : categoryRules) {
            b.append(' ').append(r);
            String tag = r.substring(1);
            boolean allow = r.charAt(0) == '+';
            for (int id = 0; id < all; id++) {
                if (t.byId(id).aclCategories.contains(tag)) fake.set(id, allow);
            }
        }
        for (Command cmd : t.commands()) {
            singleDiff(b, cmd, fake);
            for (Command s : cmd.subcommands().values()) singleDiff(b, s, fake);
        }
        return b.toString();
    }

    private void singleDiff(StringBuilder b, Command cmd, BitSet fake) {
        boolean mine = allowed.get(cmd.id);
        if (mine == fake.get(cmd.id)) return;
        if (cmd.isContainer()) {
            // a container flips with all its subcommands: name it once when they all agree
            boolean same = true;
            for (Command s : cmd.subcommands().values()) {
                if (allowed.get(s.id) != mine) same = false;
            }
            if (same) {
                for (Command s : cmd.subcommands().values()) fake.set(s.id, mine);
            }
        }
        b.append(mine ? " +" : " -").append(cmd.fullName);
        fake.set(cmd.id, mine);
    }

    /** ACLUserFlags in Redis's order. */
    public List<String> flags() {
        List<String> f = new ArrayList<>(3);
        f.add(enabled ? "on" : "off");
        if (nopass) f.add("nopass");
        if (payload == SKIP_SANITIZE) f.add("skip-sanitize-payload");
        if (payload == SANITIZE) f.add("sanitize-payload");
        return f;
    }

    /** The ACL LIST line. */
    String describe(CommandTable t) {
        StringBuilder b = new StringBuilder("user ").append(name);
        for (String f : flags()) b.append(' ').append(f);
        for (String p : passwords) b.append(" #").append(p);
        permissions(b, t);
        for (User s : selectors) {
            b.append(" (");
            int at = b.length();
            s.permissions(b, t);
            b.deleteCharAt(at); // the leading space
            b.append(')');
        }
        return b.toString();
    }

    /** ACLDescribeSelector: " keys channels commands", each part after a space. */
    private void permissions(StringBuilder b, CommandTable t) {
        String k = keysText();
        if (!k.isEmpty()) b.append(' ').append(k);
        if (allChannels) b.append(" &*");
        else {
            b.append(" resetchannels");
            String ch = channelsText();
            if (!ch.isEmpty()) b.append(' ').append(ch);
        }
        b.append(' ').append(commandsText(t));
    }

    public List<User> selectors() {
        return java.util.Collections.unmodifiableList(selectors);
    }

    // ---- checks ----

    boolean canRun(Command cmd) {
        return allowed.get(cmd.id) || cmd.has(Command.NO_AUTH);
    }

    boolean keyAllowed(byte[] key, int need) {
        if (allKeys) return true;
        for (KeyPattern k : keys) {
            if ((k.flags() & need) != need) continue;
            if (Glob.match(k.pattern(), key)) return true;
        }
        return false;
    }

    /** ACLCheckChannelAgainstList: a pattern subscription must equal a pattern literally. */
    boolean channelAllowed(byte[] channel, boolean isPattern) {
        if (allChannels) return true;
        for (byte[] p : channels) {
            if (isPattern ? java.util.Arrays.equals(p, channel) : Glob.match(p, channel)) return true;
        }
        return false;
    }
}
