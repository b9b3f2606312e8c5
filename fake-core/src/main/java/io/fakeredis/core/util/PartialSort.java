package io.fakeredis.core.util;

import java.util.Comparator;

/**
 * Redis's pqsort.c: NetBSD's Bentley-McIlroy quicksort that skips the partitions outside
 * [lo, hi], step by step, so that equal elements end up where Redis puts them (SORT ... LIMIT,
 * GEOSEARCH ... COUNT).
 */
public final class PartialSort {
    private PartialSort() {}

    /** Sorts v so that positions lo..hi hold what a full sort would put there. */
    public static <T> void sort(T[] v, Comparator<? super T> cmp, long lo, long hi) {
        sort(v, 0, v.length, cmp, lo, hi);
    }

    private static <T> void sort(T[] v, int a, int n, Comparator<? super T> cmp, long lo, long hi) {
        for (;;) {
            boolean swapped = false;
            if (n < 7) {
                insertionSort(v, a, n, cmp);
                return;
            }
            int pm = a + n / 2;
            if (n > 7) {
                int pl = a, pn = a + n - 1;
                if (n > 40) {
                    int d = n / 8;
                    pl = med3(v, pl, pl + d, pl + 2 * d, cmp);
                    pm = med3(v, pm - d, pm, pm + d, cmp);
                    pn = med3(v, pn - 2 * d, pn - d, pn, cmp);
                }
                pm = med3(v, pl, pm, pn, cmp);
            }
            swap(v, a, pm);
            int pa = a + 1, pb = a + 1;
            int pc = a + n - 1, pd = a + n - 1;
            for (;;) {
                int r;
                while (pb <= pc && (r = cmp.compare(v[pb], v[a])) <= 0) {
                    if (r == 0) {
                        swapped = true;
                        swap(v, pa, pb);
                        pa++;
                    }
                    pb++;
                }
                while (pb <= pc && (r = cmp.compare(v[pc], v[a])) >= 0) {
                    if (r == 0) {
                        swapped = true;
                        swap(v, pc, pd);
                        pd--;
                    }
                    pc--;
                }
                if (pb > pc) break;
                swap(v, pb, pc);
                swapped = true;
                pb++;
                pc--;
            }
            if (!swapped) { // pqsort's swap_cnt == 0: switch to insertion sort
                insertionSort(v, a, n, cmp);
                return;
            }
            int pn = a + n;
            int r = Math.min(pa - a, pb - pa);
            vecswap(v, a, pb - r, r);
            r = Math.min(pd - pc, pn - pd - 1);
            vecswap(v, pb, pn - r, r);
            if ((r = pb - pa) > 1) {
                if (!((lo < a && hi < a) || (lo >= a + r && hi >= a + r))) sort(v, a, r, cmp, lo, hi);
            }
            if ((r = pd - pc) > 1) {
                a = pn - r;
                n = r;
                if (!((lo < a && hi < a) || (lo >= a + r && hi >= a + r))) continue;
            }
            return;
        }
    }

    private static <T> void insertionSort(T[] v, int a, int n, Comparator<? super T> cmp) {
        for (int pm = a + 1; pm < a + n; pm++) {
            for (int pl = pm; pl > a && cmp.compare(v[pl - 1], v[pl]) > 0; pl--) swap(v, pl, pl - 1);
        }
    }

    private static <T> int med3(T[] v, int a, int b, int c, Comparator<? super T> cmp) {
        return cmp.compare(v[a], v[b]) < 0
                ? (cmp.compare(v[b], v[c]) < 0 ? b : (cmp.compare(v[a], v[c]) < 0 ? c : a))
                : (cmp.compare(v[b], v[c]) > 0 ? b : (cmp.compare(v[a], v[c]) < 0 ? a : c));
    }

    private static <T> void swap(T[] v, int i, int j) {
        T t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    private static <T> void vecswap(T[] v, int a, int b, int n) {
        for (int i = 0; i < n; i++) swap(v, a + i, b + i);
    }
}
