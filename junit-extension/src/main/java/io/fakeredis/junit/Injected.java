package io.fakeredis.junit;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/** Objects the extension handed out, so field injection overwrites its own values but not the user's. */
final class Injected {
    private static final Set<Object> OURS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private Injected() {}

    static void remember(Object... objects) {
        for (Object o : objects) if (o != null) OURS.add(o);
    }

    static boolean ours(Object o) {
        return o != null && OURS.contains(o);
    }
}
