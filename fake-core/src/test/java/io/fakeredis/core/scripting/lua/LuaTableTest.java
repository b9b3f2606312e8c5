package io.fakeredis.core.scripting.lua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Iteration orders and borders, each expected value read from Redis 7.0.15 running the Lua in
 * the comment (keys joined by tostring, then "| #=" and #t).
 */
class LuaTableTest {

    /** Keys in next() order, then the border. */
    static String order(LuaTable t) {
        StringBuilder sb = new StringBuilder();
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            sb.append(key(k)).append(' ');
        }
        return sb.append("| #=").append(t.length()).toString();
    }

    static String key(Object k) {
        if (k instanceof Double) return Lua.numberToString((Double) k);
        return String.valueOf(k);
    }

    static Double n(double d) {
        return d;
    }

    @Test
    void stringKeys() {
        // local t={} for i=1,10 do t['k'..i]=i end
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 10; i++) t.put("k" + i, n(i));
        assertThat(order(t)).isEqualTo("k9 k8 k1 k3 k2 k10 k6 k7 k4 k5 | #=0");
        assertThat(t.get("k7")).isEqualTo(7.0);
        assertThat(t.get("k11")).isNull();
    }

    @Test
    void stringsOfManyLengths() {
        // for i=1,40 do t[string.rep("x",i)]=i end
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 40; i++) t.put("x".repeat(i), n(i));
        String expected = "29 11 4 21 14 34 37 35 9 12 19 3 1 23 2 32 38 8 5 16 25 10 26 40 31 39 36 33 15 30 28 27 22 6 13 18 17 20 24 7";
        StringBuilder sb = new StringBuilder();
        for (String len : expected.split(" ")) sb.append("x".repeat(Integer.parseInt(len))).append(' ');
        assertThat(order(t)).isEqualTo(sb + "| #=0");

        // for i=1,40 do t[string.rep("ab",i)..i]=i end
        t = new LuaTable();
        for (int i = 1; i <= 40; i++) t.put("ab".repeat(i) + i, n(i));
        expected = "37 30 6 34 2 4 35 32 15 11 12 31 17 16 14 7 26 38 1 21 10 28 20 8 24 27 3 5 18 29 39 36 33 40 23 9 22 19 13 25";
        sb = new StringBuilder();
        for (String i : expected.split(" ")) sb.append("ab".repeat(Integer.parseInt(i))).append(i).append(' ');
        assertThat(order(t)).isEqualTo(sb + "| #=0");
    }

    @Test
    void hundredStringKeys() {
        // for i=1,100 do t["key:"..i]=i end
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 100; i++) t.put("key:" + i, n(i));
        String expected = "93 59 68 37 47 56 2 41 60 73 94 63 6 84 21 48 38 55 77 45 13 27 5 62 7 20 11 22 72 79 52 53 17 43 25 83 34 40 16 76 64 100 19 35 33 39 26 42 99 70 50 85 49 97 65 36 96 23 1 95 92 89 90 91 88 3 87 46 82 81 80 86 8 51 24 74 71 69 4 31 67 66 98 14 30 29 61 15 58 57 9 10 54 18 12 75 78 44 28 32";
        StringBuilder sb = new StringBuilder();
        for (String i : expected.split(" ")) sb.append("key:").append(i).append(' ');
        assertThat(order(t)).isEqualTo(sb + "| #=0");
    }

    @Test
    void integerKeys() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 20; i++) t.put(i, n(i));
        assertThat(order(t)).isEqualTo("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 | #=20");
        t = new LuaTable();
        for (int i = 20; i >= 1; i--) t.put(n(i), n(i));
        assertThat(order(t)).isEqualTo("1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 | #=20");
        // for _,k in ipairs({1,3,7,100,1000,-5,2,64,65}) do t[k]=k end
        t = new LuaTable();
        for (int k : new int[] {1, 3, 7, 100, 1000, -5, 2, 64, 65}) t.put(k, n(k));
        assertThat(order(t)).isEqualTo("1 64 7 65 3 100 2 -5 1000 | #=3");
        // for i=1,100 do t[(i*37)%101]=i end
        t = new LuaTable();
        for (int i = 1; i <= 100; i++) t.put(n((i * 37) % 101), n(i));
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 100; i++) sb.append(i).append(' ');
        assertThat(order(t)).isEqualTo(sb + "| #=100");
    }

    @Test
    void integralDoubleIsTheIntegerKey() {
        LuaTable t = new LuaTable();
        t.put(n(1.0), "a");
        assertThat(t.get(1)).isEqualTo("a");
        t.put(1, "b");
        assertThat(t.get(n(1.0))).isEqualTo("b");
        t.put(n(0.0), "zero");
        assertThat(t.get(n(-0.0))).isEqualTo("zero");
        t.put(n(-0.0), "negzero");
        assertThat(t.get(n(0.0))).isEqualTo("negzero");
        assertThat(order(t)).isEqualTo("1 0 | #=1");
    }

    @Test
    void negativeAndFloatKeys() {
        // for _,k in ipairs({-1,-2,0.5,1.5,-0.5,3.25,1e10,-1e300,0,2^53,1e-300}) do t[k]=k end
        LuaTable t = new LuaTable();
        for (double k : new double[] {-1, -2, 0.5, 1.5, -0.5, 3.25, 1e10, -1e300, 0, Math.pow(2, 53), 1e-300}) t.put(n(k), n(k));
        assertThat(order(t)).isEqualTo("-1e+300 1e-300 0.5 9.007199254741e+15 0 10000000000 1.5 -2 -0.5 3.25 -1 | #=0");
        // for i=1,100 do t[i*1.5]=i end
        t = new LuaTable();
        for (int i = 1; i <= 100; i++) t.put(n(i * 1.5), n(i));
        assertThat(order(t)).isEqualTo("123 31.5 126 64.5 33 132 67.5 34.5 138 70.5 36 144 73.5 37.5 150 76.5 39 79.5 40.5 82.5 42 85.5 43.5 88.5 45 91.5 46.5 3 94.5 48 97.5 49.5 100.5 51 103.5 52.5 13.5 54 109.5 55.5 112.5 57 115.5 58.5 15 60 121.5 61.5 124.5 63 127.5 16.5 66 135 69 4.5 18 72 147 75 19.5 78 81 21 84 87 148.5 22.5 90 145.5 142.5 1.5 6 24 96 141 139.5 99 136.5 25.5 102 133.5 130.5 105 129 27 108 10.5 118.5 111 93 28.5 114 106.5 12 117 7.5 30 120 9 | #=0");
    }

    @Test
    void booleans() {
        // t[true]=1 t.a=1 t[false]=1 t[1]=1 t[2.5]=1
        LuaTable t = new LuaTable();
        t.put(Boolean.TRUE, n(1));
        t.put("a", n(1));
        t.put(Boolean.FALSE, n(1));
        t.put(1, n(1));
        t.put(n(2.5), n(1));
        assertThat(order(t)).isEqualTo("1 false true 2.5 a | #=1");
        assertThat(t.get(Boolean.TRUE)).isEqualTo(1.0);
    }

    /** What the VM does for a constructor: pre-size with the raw counts, keyed items, then SETLIST. */
    static LuaTable construct(Object[] positional, Object... keyed) {
        LuaTable t = new LuaTable(positional.length, keyed.length / 2);
        for (int i = 0; i < keyed.length; i += 2) t.put(keyed[i], keyed[i + 1]);
        if (positional.length > t.arraySize()) t.resizeArray(positional.length);
        for (int i = positional.length; i >= 1; i--) t.put(i, positional[i - 1]);
        return t;
    }

    static LuaString s(String s) {
        return LuaString.of(s);
    }

    @Test
    void constructors() {
        // {a=1,b=2,[3]="x",10,20}
        assertThat(order(construct(new Object[] {n(10), n(20)}, s("a"), n(1), s("b"), n(2), n(3), s("x")))).isEqualTo("1 2 a 3 b | #=3");
        // {x=1,y=2,z=3,w=4,v=5,1,2,3,[10]=4}
        assertThat(order(construct(new Object[] {n(1), n(2), n(3)}, s("x"), n(1), s("y"), n(2), s("z"), n(3), s("w"), n(4), s("v"), n(5), n(10), n(4))))
                .isEqualTo("1 2 3 y x z 10 w v | #=3");
        assertThat(order(construct(new Object[] {n(1), null, n(3)}))).isEqualTo("1 3 | #=3");
        assertThat(order(construct(new Object[] {null, null, n(3)}))).isEqualTo("3 | #=3");
        assertThat(order(construct(new Object[] {n(1), n(2), null, n(4)}))).isEqualTo("1 2 4 | #=4");
        assertThat(order(construct(new Object[] {null, n(2)}))).isEqualTo("2 | #=2");
        assertThat(order(construct(new Object[] {n(10), n(20), n(30), null}))).isEqualTo("1 2 3 | #=3");
    }

    @Test
    void multipleResultsInAConstructorPreSizeTheArray() {
        // local function f() return 1,nil,3 end local t={f()} -> #t 3; u[1]=1 u[2]=nil u[3]=3 -> #u 1
        LuaTable t = new LuaTable(0, 0);
        t.resizeArray(3); // OP_SETLIST with the count the call returned
        t.put(3, n(3));
        t.put(2, null);
        t.put(1, n(1));
        assertThat(order(t)).isEqualTo("1 3 | #=3");
        LuaTable u = new LuaTable();
        u.put(1, n(1));
        u.put(2, null);
        u.put(3, n(3));
        assertThat(order(u)).isEqualTo("1 3 | #=1");
        // {f()} with f returning nil,nil,nil,4 -> #t 4
        t = new LuaTable(0, 0);
        t.resizeArray(4);
        t.put(4, n(4));
        assertThat(order(t)).isEqualTo("4 | #=4");
    }

    @Test
    void floatingPointByteRounding() {
        assertThat(LuaTable.fb2int(LuaTable.int2fb(0))).isEqualTo(0);
        assertThat(LuaTable.fb2int(LuaTable.int2fb(7))).isEqualTo(7);
        assertThat(LuaTable.fb2int(LuaTable.int2fb(17))).isEqualTo(18);
        assertThat(LuaTable.fb2int(LuaTable.int2fb(33))).isEqualTo(36);
        assertThat(LuaTable.fb2int(LuaTable.int2fb(100))).isEqualTo(104);
        assertThat(new LuaTable(17, 0).arraySize()).isEqualTo(18);
    }

    @Test
    void bordersWithHoles() {
        LuaTable t = new LuaTable();
        t.put(1, n(1));
        t.put(2, n(2));
        t.put(4, n(4));
        assertThat(order(t)).isEqualTo("1 2 4 | #=4");
        t = new LuaTable();
        for (int i : new int[] {1, 2, 3, 5, 6}) t.put(i, n(i));
        assertThat(order(t)).isEqualTo("1 2 3 5 6 | #=3");
        t = new LuaTable();
        t.put(2, n(2));
        assertThat(order(t)).isEqualTo("2 | #=0");
        t = new LuaTable();
        t.put(1, n(1));
        t.put(3, n(3));
        assertThat(order(t)).isEqualTo("1 3 | #=1");
        t = new LuaTable();
        for (int i = 1; i <= 10; i++) t.put(i, n(i));
        t.put(5, null);
        assertThat(order(t)).isEqualTo("1 2 3 4 6 7 8 9 10 | #=10");
        t.put(5, n(5));
        t.put(10, null);
        t.put(9, null);
        assertThat(order(t)).isEqualTo("1 2 3 4 5 6 7 8 | #=8");
    }

    @Test
    void deletionsAndReinsertions() {
        // for i=1,10 do t["k"..i]=i end t.k3=nil t.k5=nil t.k11=1 t.k12=1 t.k3=1
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 10; i++) t.put("k" + i, n(i));
        t.put("k3", null);
        t.put("k5", null);
        t.put("k11", n(1));
        t.put("k12", n(1));
        t.put("k3", n(1));
        assertThat(order(t)).isEqualTo("k12 k9 k8 k1 k3 k2 k10 k11 k6 k7 k4 | #=0");
        // for i=1,10 do t["k"..i]=i end for i=1,10 do t["k"..i]=nil end for i=11,16 do t["k"..i]=i end
        t = new LuaTable();
        for (int i = 1; i <= 10; i++) t.put("k" + i, n(i));
        for (int i = 1; i <= 10; i++) t.put("k" + i, null);
        for (int i = 11; i <= 16; i++) t.put("k" + i, n(i));
        assertThat(order(t)).isEqualTo("k12 k14 k16 k13 k15 k11 | #=0");
        // t.a=1 t.b=nil t.c=nil t.d=1 t.e=1: assigning nil to an absent key still takes a node
        t = new LuaTable();
        t.put("a", n(1));
        t.put("b", null);
        t.put("c", null);
        t.put("d", n(1));
        t.put("e", n(1));
        assertThat(order(t)).isEqualTo("a d e | #=0");
    }

    @Test
    void nextFromAKeyClearedDuringTraversal() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 10; i++) t.put("k" + i, n(i));
        t.put(1, n(1));
        StringBuilder sb = new StringBuilder();
        Object[] kv = new Object[2];
        Object k = null;
        while (t.next(k, kv)) {
            k = kv[0];
            sb.append(key(k)).append(' ');
            t.put(k, null);
        }
        // for k in pairs(t) do t[k]=nil end, after t["k"..i]=i for 1..10 and t[1]=1
        assertThat(sb.toString()).isEqualTo("k9 k8 k1 k3 k2 1 k10 k6 k7 k4 k5 ");
        assertThat(t.next(null, kv)).isFalse();
    }

    @Test
    void invalidKeyToNext() {
        LuaTable t = new LuaTable();
        Object[] kv = new Object[2];
        assertThatThrownBy(() -> t.next(s("x"), kv)).isInstanceOf(LuaError.class).hasMessage("invalid key to 'next'");
        t.put("a", n(1));
        assertThatThrownBy(() -> t.next(s("x"), kv)).hasMessage("invalid key to 'next'");
        assertThatThrownBy(() -> t.next(n(5), kv)).hasMessage("invalid key to 'next'");
    }

    @Test
    void otherObjectsHaveAStableOrder() {
        LuaTable t = new LuaTable();
        LuaTable[] ks = new LuaTable[50];
        for (int i = 0; i < ks.length; i++) {
            ks[i] = new LuaTable();
            t.put(ks[i], n(i));
        }
        for (int i = 0; i < ks.length; i++) assertThat(t.get(ks[i])).isEqualTo((double) i);
        String first = order(t);
        assertThat(order(t)).isEqualTo(first);
        int count = 0;
        Object[] kv = new Object[2];
        for (Object k = null; t.next(k, kv); k = kv[0]) count++;
        assertThat(count).isEqualTo(50);
    }

    @Test
    void thousandKeysGrowAndShrink() {
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 1000; i++) t.put("key:" + i, n(i));
        for (int i = 1; i <= 1000; i++) t.put(i, n(i));
        for (int i = 1; i <= 1000; i++) assertThat(t.get("key:" + i)).isEqualTo((double) i);
        assertThat(t.length()).isEqualTo(1000);
    }

    @Test
    void thousandStringKeysInRedisOrder() {
        // for i=1,1000 do t["key:"..i]=i end, listing the values
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 1000; i++) t.put("key:" + i, n(i));
        StringBuilder sb = new StringBuilder();
        Object[] kv = new Object[2];
        for (Object k = null; t.next(k, kv); k = kv[0]) sb.append(sb.length() == 0 ? "" : " ").append(key(kv[1]));
        assertThat(sb.toString()).isEqualTo("870 780 37 313 56 935 659 679 964 592 784 394 286 58 287 101 617 547 472 851 330 158 375 381 887 5 703 496 342 190 72 588 762 776 806 488 249 442 379 315 810 467 199 118 866 76 550 347 666 973 461 385 353 255 139 782 209 219 999 36 441 416 49 201 268 998 374 538 997 3 127 995 162 994 808 941 51 555 725 290 428 787 4 452 991 149 533 565 425 527 876 890 988 839 115 654 653 376 717 789 168 834 331 985 984 903 326 245 402 633 47 109 2 983 598 459 793 820 982 981 975 979 148 619 595 84 293 859 980 48 132 974 972 542 971 422 503 66 13 323 969 484 968 316 94 966 32 398 899 102 629 124 229 113 53 965 17 700 283 791 962 646 1000 543 507 960 16 178 274 959 480 111 163 19 958 957 234 153 485 120 946 70 460 85 731 393 180 954 380 845 953 147 952 618 951 91 250 202 937 161 492 253 410 853 8 724 328 191 947 164 950 748 944 943 675 942 143 138 767 38 207 938 945 360 936 880 934 300 206 112 932 931 930 906 479 95 186 61 67 306 763 270 927 417 259 926 830 924 923 126 205 443 920 919 262 288 852 714 668 917 55 449 781 187 435 477 916 319 494 545 515 739 584 912 911 280 910 955 79 908 907 929 636 905 904 902 505 227 901 900 858 321 421 40 463 897 741 299 896 713 100 434 680 430 90 846 175 156 322 241 50 352 108 688 65 337 233 894 893 390 891 240 535 888 778 509 320 885 427 630 657 475 883 228 882 881 560 747 359 103 878 294 269 877 831 29 530 989 875 721 500 874 914 768 356 236 453 869 106 868 678 867 391 558 275 816 864 89 809 357 69 641 133 860 976 215 823 856 267 689 854 949 918 815 849 135 271 802 848 847 895 77 844 843 677 692 583 779 62 620 661 197 189 22 840 838 837 510 166 349 626 817 414 552 833 450 276 279 490 925 829 828 827 194 702 587 549 23 302 824 35 857 39 728 648 819 213 818 835 623 346 850 409 697 708 813 539 296 812 553 863 628 752 807 805 804 282 297 723 803 801 272 24 310 466 167 799 523 152 31 796 74 795 794 624 295 235 568 9 963 756 667 790 486 239 788 151 448 992 392 169 593 785 571 350 266 842 491 273 777 645 775 60 774 658 627 772 6 742 87 771 745 335 662 311 770 208 769 415 483 256 524 872 27 348 940 242 478 649 387 765 683 750 764 928 260 373 122 363 761 655 590 57 473 760 759 740 192 144 96 693 758 413 757 933 754 145 753 751 117 749 746 366 258 604 743 281 873 160 237 737 736 643 18 71 613 596 734 248 699 345 174 400 559 732 956 529 528 403 401 42 729 119 822 232 277 719 292 257 396 437 150 948 177 579 468 130 107 704 125 244 88 722 198 718 176 716 715 712 30 711 710 709 814 707 440 41 309 862 733 698 73 696 63 406 695 246 694 597 691 526 471 687 686 384 465 238 841 399 682 681 386 676 674 673 672 986 670 11 669 188 665 664 663 314 305 327 586 226 660 773 884 656 987 531 652 651 511 650 172 821 123 520 647 644 625 735 33 439 572 140 861 640 783 146 638 243 562 990 635 634 632 1 369 800 622 621 444 684 285 378 978 616 405 217 86 615 563 10 354 397 368 612 611 811 609 361 608 727 512 606 344 605 744 603 341 561 602 445 614 78 304 278 574 600 298 289 59 599 977 594 591 589 585 913 173 581 247 185 580 136 105 576 575 537 573 639 569 200 388 570 792 567 371 566 564 865 92 423 557 556 730 284 610 504 993 548 720 372 159 343 351 541 389 540 536 291 889 382 25 83 532 690 525 411 798 193 522 521 339 230 481 519 518 134 210 516 231 195 184 915 766 216 513 424 340 836 338 157 220 508 362 263 921 104 506 370 967 431 502 223 408 214 395 44 501 312 407 21 12 54 451 499 131 142 14 726 318 498 20 495 832 52 825 419 432 43 493 251 489 738 582 93 155 826 429 68 264 183 46 454 797 909 221 418 426 308 211 786 607 685 261 671 154 367 121 170 462 755 307 81 456 265 212 365 45 222 303 922 476 377 7 457 224 455 97 324 325 497 637 82 546 447 464 446 404 141 383 706 110 34 642 436 181 551 254 898 116 420 64 364 129 329 114 99 412 26 871 601 80 355 358 204 301 892 317 182 514 996 534 171 458 544 332 470 578 701 137 433 482 705 196 165 252 970 179 577 98 886 631 334 203 75 336 218 855 961 15 128 469 517 474 939 438 487 333 879 225 554 28");
    }

    @Test
    void mixedIntegerAndStringKeysThroughRehashes() {
        // for i=1,300 do t[(i*7919)%1009]=i t["s"..i]=i end t[0]=nil
        LuaTable t = new LuaTable();
        for (int i = 1; i <= 300; i++) {
            t.put(n((i * 7919) % 1009), n(i));
            t.put("s" + i, n(i));
        }
        t.put(n(0), null);
        assertThat(order(t)).isEqualTo("1 s139 s275 s96 s149 513 257 514 129 517 518 s128 s50 s254 261 522 s239 s82 526 s249 s145 265 530 133 s60 534 67 s228 s269 s265 269 538 s176 270 s92 17 34 s278 273 546 s73 137 274 s103 550 551 s51 555 278 s86 s62 559 s83 s87 563 282 s203 71 567 571 286 s56 s144 9 s222 575 s57 576 s113 s53 145 s90 s34 s35 584 s200 s135 s175 588 s42 s125 592 s274 s213 149 s44 596 s202 75 150 s81 600 s300 s235 302 604 s36 303 38 s225 608 s37 609 613 307 154 s91 617 s46 621 311 s289 625 s43 s80 629 315 79 158 s154 s212 5 637 319 638 641 642 s79 323 646 s74 162 650 s124 s75 s279 327 654 658 s268 331 662 83 s84 332 s68 666 s85 667 335 s121 s234 671 336 s216 s111 675 s199 679 340 s55 683 687 344 s116 691 s64 87 695 348 s65 699 700 s206 88 703 352 704 708 s18 178 356 712 179 716 s106 360 720 724 91 182 364 728 729 365 183 732 733 46 92 s220 737 369 741 s94 s258 s19 373 s95 187 749 753 377 s259 757 761 381 762 191 766 96 385 770 s108 774 s58 389 s217 195 782 s284 393 786 394 s49 s193 790 791 397 794 s194 398 25 50 100 799 s285 s137 803 402 s209 s214 s247 807 s38 s267 811 406 815 s185 s172 819 410 s29 s114 823 824 s48 s117 207 414 828 13 26 104 832 s156 s298 s39 836 s291 s295 s211 s98 840 s1 211 422 844 423 s110 212 s132 848 s120 s221 s198 s126 852 s155 s264 427 s28 856 857 861 431 54 108 216 s196 s181 865 s283 s99 869 435 s236 s14 873 s3 877 439 220 s190 s281 881 s183 s256 s109 s25 885 443 886 s299 s246 820 s88 s297 s24 199 890 s296 s2 633 s17 s294 s131 447 894 112 s5 s16 s179 s32 s293 s238 s250 s292 882 s102 s290 s169 s288 451 902 s287 464 s286 795 s282 241 s280 906 s218 547 s27 s142 s23 853 455 910 s4 228 456 s26 s277 s168 s150 914 1006 915 s178 s276 s273 s136 s271 s270 59 919 s133 s266 977 s263 141 426 745 923 s189 s123 s260 580 s148 s7 116 927 s12 s257 542 s255 s184 s174 s159 931 s93 s97 s119 s180 240 s105 117 s140 s30 s261 s170 s129 s71 s244 s192 939 s223 224 s122 s171 s6 s248 s127 943 472 944 948 898 670 s41 s182 947 s21 s151 s227 s219 s205 s197 s245 s160 476 s188 s229 s243 s77 s13 s100 s118 778 956 s143 s242 30 s241 120 s177 480 960 s9 s201 s115 s76 460 s272 s251 964 290 s237 s195 s40 121 935 484 968 s10 s153 485 s59 s130 s72 s204 972 s233 973 s146 21 42 244 488 976 58 s8 s167 s215 s66 245 232 s67 s104 s208 s63 s157 s240 s147 s161 s20 s89 s252 493 s232 s187 s191 s45 s231 981 989 s230 170 s33 s166 468 s226 203 993 497 s15 s165 249 s78 s224 236 s11 s22 s70 125 s69 174 29 s141 1001 501 952 166 s253 s138 579 s52 1005 418 63 s54 s163 294 s112 s207 s158 505 s164 s134 253 489 298 s262 s101 s47 985 s31 s152 s162 997 s210 s186 509 s61 s173 s107 | #=1");
    }

    /**
     * Random sets and deletes of string, integer, float and boolean keys, the same sequence
     * Redis ran (seed and count as ARGV[1], ARGV[2]):
     * <pre>
     * local x=tonumber(ARGV[1]) local N=tonumber(ARGV[2]) local t={} local r={}
     * local function rnd(n) x=(x*16807)%2147483647 return x%n end
     * for i=1,N do
     *   local op=rnd(6) local k
     *   if op==0 then k='k'..rnd(60) elseif op==1 then k=rnd(50)-5 elseif op==2 then k=rnd(40)/4
     *   elseif op==3 then k=(rnd(2)==0) else k='s'..rnd(30) end
     *   if rnd(4)==0 then t[k]=nil else t[k]=i end
     * end
     * </pre>
     */
    static final String[] RANDOM_OPS = {
            "1 20|k38 k37 31 4 35 k2 2.5 5 s7 s22 s8 k56 44 s3 | #=0",
            "1 100|31 2.5 -2 s7 5 s5 s12 k56 s9 k15 k38 k43 4.25 k3 s28 s8 k23 10 k17 7 s3 3.75 s27 5.5 2.75 k22 s6 4.5 s4 k21 35 43 s22 true 18 s25 30 s29 44 k24 0.25 4.75 s10 k2 0.5 s20 8 1 19 k37 s16 | #=1",
            "1 500|1 2 3 4 5 6 7 8 10 15 16 18 21 24 25 26 28 29 30 31 false s17 k32 0.5 8.25 s16 8.5 s9 8.75 2.25 36 9.5 38 9.75 39 40 k27 k23 s1 44 s27 k45 s23 s4 s26 s8 3.25 k28 k20 k37 3.5 k0 s28 s20 k11 s18 3.75 s0 33 0 34 k55 k19 s7 k51 k56 4.25 35 k59 k15 -4 k9 k58 4.75 2.5 41 k47 42 k43 k3 k1 5.25 s12 s19 5.5 k7 s3 1.25 5.75 -2 s15 1.5 s6 k16 k54 -1 6.25 k29 k25 s22 k18 0.25 s10 k46 6.75 s29 1.75 k53 k13 -5 k2 7.25 k17 true k21 k6 s21 k40 s2 | #=31",
            "2 20|false 25 k9 14 20 s4 4.5 k14 s9 s22 -4 6 3.25 16 | #=0",
            "2 100|false 2 k55 k19 s7 6 s16 s9 k36 14 16 20 28 8.25 k9 s15 k1 4.25 5.25 7.25 8.5 s19 33 s27 34 3.25 4.5 s4 k43 7.5 k46 s22 s21 18 30 k59 k37 k26 4.75 s12 true k17 -4 s24 k35 s0 k48 | #=0",
            "2 500|2 4 6 7 9 10 11 12 13 14 16 17 18 19 20 21 22 24 26 28 30 31 32 k16 true k32 0.5 8.25 s16 k56 8.75 -2 36 37 9.5 k9 9.75 k1 40 k27 k18 s1 k50 s27 k26 0.75 s4 s26 2.25 s8 -3 s15 38 s10 k28 k20 k37 k8 k45 k0 k23 43 s20 k30 k33 3.75 s0 k4 s12 k12 k44 k55 k19 1.25 s7 false 4.25 35 k59 k36 4.5 k52 0 s13 k38 k14 s11 s17 k43 s5 5.25 34 s14 s19 5.5 k7 s3 2.5 39 -1 1.5 k22 s6 2.75 3.25 k54 k21 k29 s22 7.5 6.25 -4 s21 s29 k48 1.75 k53 -5 k2 7.25 k17 k25 s24 k6 s25 k40 s2 | #=32",
            "3 20|1.75 25 s11 s6 s16 true k44 5.25 8.25 false s0 k40 s2 | #=0",
            "3 100|1 true 3 s7 s16 8 12 8.25 s15 5.25 k27 33 s10 s1 17 25 s27 2.25 2.75 k22 s6 k49 s28 7.5 35 k58 s22 k23 8.75 26 s8 5 2 false 0.5 k44 0 s9 1.25 s0 k40 s2 | #=3",
            "3 500|2 3 4 7 8 9 11 12 14 15 17 19 20 21 24 25 26 28 29 30 31 7.75 s5 s16 s9 8.75 2.25 36 9.25 9.5 k9 9.75 2.5 40 k27 k34 s10 2.75 44 k50 s27 k26 0.75 s4 s26 k49 -3 k28 k20 k8 k0 s28 k33 3.75 s0 k4 k55 s7 s12 k59 k36 4.5 k52 k30 k14 s15 7.5 k43 k3 41 k35 42 s17 s19 8.25 k7 33 35 5.75 s18 k58 1.5 s6 k18 -4 k10 6.25 k29 k46 s22 s8 -2 4.25 k47 k57 s29 k44 1.75 k53 0.25 k17 4.75 7.25 k13 1.25 s24 k6 k22 k40 k25 | #=15",
            "42 20|false s11 k43 43 4.5 2.5 s20 s26 k35 s28 s0 s3 -3 | #=0",
            "42 100|1 3 4 k35 true 38 -3 5 s5 7 k31 k11 20 s15 k43 k3 s14 s19 s1 s3 s6 4.5 s4 s26 43 13 5.25 s7 26 9.25 s25 k8 s13 s11 2.5 s28 s20 k55 s24 40 s0 s2 | #=7",
            "42 500|1 2 3 4 5 6 8 9 10 12 13 15 16 k35 7.75 k32 0.5 32 s5 33 8.5 34 8.75 -2 s13 36 9.25 k50 9.5 9.75 2.5 6.75 40 1.25 42 k55 -3 44 k5 s27 k26 s23 k31 k17 s4 k38 k49 s26 s17 s8 3.25 s10 -4 k28 8.25 k8 k42 s18 k44 k29 3.75 s0 2.25 k12 0.25 s1 k36 s7 s9 k10 s12 17 k59 k15 4.5 18 20 7.5 4.75 19 39 k47 k48 k43 k3 5.25 s14 s19 -5 29 k30 5.75 1.5 s6 24 k21 s15 6.25 25 k46 6.5 26 false s21 27 s25 1.75 k53 28 k13 k11 s24 k6 k25 s2 | #=44",
            "4242 20|false s13 k19 4.5 k38 0 9.25 s15 true 42 s3 s2 | #=0",
            "4242 100|27 9.75 k19 4 5 6 -5 8 k36 k52 28 k38 s15 3 8.5 s14 s19 s1 s7 s3 k55 s27 2.25 k8 s16 4.5 s4 6.5 k21 k6 42 10 26 s29 s25 k24 k53 s17 false s13 s20 k17 9.25 1 19 k20 s2 | #=1",
            "4242 500|1 2 3 4 5 6 7 8 10 11 12 13 14 17 18 19 20 21 25 26 27 28 30 32 33 34 35 37 38 39 40 41 42 43 false s17 k32 0.5 k39 k56 s9 8.75 2.25 9.25 9.5 s18 9.75 k1 s10 s1 k5 s27 k45 s23 s4 k41 s26 s8 k42 k28 k20 k8 3.5 k0 s28 s20 k33 3.75 k4 k12 0.25 k19 k51 s12 k59 k36 4.5 k52 k38 s11 k16 s13 k44 0 5.25 s16 s14 s19 -5 8.5 s3 k10 5.75 k58 2.75 1.5 s6 -2 k35 k47 k21 k50 k25 6.5 k55 k49 3.25 s21 s29 s25 k24 6.75 true 7.75 5.5 k18 k17 -3 s15 7.5 k31 k23 k6 | #=43",
            "99991 20|1 false true k55 2 8 s19 k13 k11 -5 6 s20 s2 | #=2",
            "99991 100|1 2 k35 k55 -3 5 6 -5 k31 39 k11 14 16 32 40 k58 4.25 7.25 s15 s10 s19 s1 k23 k5 s27 k40 k29 false s14 4.5 s4 6.5 k52 9 11 13 k56 s16 k47 k36 k38 s25 k8 k49 8 s5 k2 k17 k13 0.75 10 k6 s0 1.5 s20 | #=2",
            "99991 500|1 2 3 4 5 7 9 10 11 12 13 14 15 16 17 18 20 21 25 26 27 28 29 32 k35 s17 0.5 8.25 s16 35 36 k10 k58 k1 40 41 k18 44 k5 k45 s23 0.75 k44 s4 k41 k39 s26 false s8 -3 33 k21 k20 9.75 k8 s5 k30 s25 5.5 s28 s20 38 s0 k4 k12 k50 k19 s7 k51 3.25 4.25 k59 k11 4.5 k52 k55 4.75 k38 k47 2.5 k26 s19 -5 s15 s12 -4 s18 42 1.5 s6 0 s13 k54 6.25 k29 k25 s22 true k17 k31 s29 k48 1.75 k53 k2 7.25 k13 7.5 k6 k49 k40 s2 | #=42"
    };

    long seed;

    int rnd(int n) {
        seed = (seed * 16807) % 2147483647;
        return (int) (seed % n);
    }

    @Test
    void randomOperationsInRedisOrder() {
        for (String row : RANDOM_OPS) {
            int bar = row.indexOf('|');
            String[] head = row.substring(0, bar).split(" ");
            seed = Long.parseLong(head[0]);
            int n = Integer.parseInt(head[1]);
            LuaTable t = new LuaTable();
            for (int i = 1; i <= n; i++) {
                int op = rnd(6);
                Object k;
                if (op == 0) k = s("k" + rnd(60));
                else if (op == 1) k = n(rnd(50) - 5);
                else if (op == 2) k = n(rnd(40) / 4.0);
                else if (op == 3) k = rnd(2) == 0;
                else k = s("s" + rnd(30));
                t.put(k, rnd(4) == 0 ? null : n(i));
            }
            String keys = order(t);
            assertThat(keys.replace(" | ", " |").replaceFirst("^ ", "")).as(row.substring(0, bar)).isEqualTo(row.substring(bar + 1).replace(" | ", " |").trim());
        }
    }

    /** Chunks building t, and what Redis printed for them (keys in pairs order, then #t). */
    static final String[][] SCRIPTS = {
            {"local t={a=1,b=2,[3]=\"x\",10,20}",
                "1 2 a 3 b | #=3"},
            {"local t={x=1,y=2,z=3,w=4,v=5,1,2,3,[10]=4}",
                "1 2 3 y x z 10 w v | #=3"},
            {"local t={x=1, 1, y=2, 2, [3]=3, 4}",
                "1 2 3 y x | #=3"},
            {"local t={[1]=5, 10, [2]=7}",
                "1 2 | #=2"},
            {"local t={a=nil, b=1, c=nil, d=2}",
                "d b | #=0"},
            {"local t={1,2,3,4,5,6,nil,8,9,10,11,12,13,nil,15,16,17,18,19,20,nil,22,23,24,25,26,27,nil,29,30,31,32,33,34,nil,36,37,38,39,40,41,nil,43,44,45,46,47,48,nil,50,51,52,53,54,55,nil,57,58,59,60}",
                "1 2 3 4 5 6 8 9 10 11 12 13 15 16 17 18 19 20 22 23 24 25 26 27 29 30 31 32 33 34 36 37 38 39 40 41 43 44 45 46 47 48 50 51 52 53 54 55 57 58 59 60 | #=60"},
            {"local t={1,2,3,4,5,6,nil,8,9,10,11,12,13,nil,15,16,17,18,19,20,nil,22,23,24,25,26,27,nil,29,30,31,32,33,34,nil,36,37,38,39,40,41,nil,43,44,45,46,47,48,nil,50,51,52,53,54,55,nil,57,58,59,60, k='v', [100]=1, [61]=61}",
                "1 2 3 4 5 6 8 9 10 11 12 13 15 16 17 18 19 20 22 23 24 25 26 27 29 30 31 32 33 34 36 37 38 39 40 41 43 44 45 46 47 48 50 51 52 53 54 55 57 58 59 60 100 k 61 | #=61"},
            {"local t={...}",
                " | #=0"},
            {"local t={1,2,3,nil,5,n=5}",
                "1 2 3 5 n | #=5"},
            {"local t={} for i=1,10 do t[\"k\"..i]=i end",
                "k9 k8 k1 k3 k2 k10 k6 k7 k4 k5 | #=0"},
            {"local t={} for i=1,10 do t[i]=i end for i=1,10 do t[i]=nil end for i=1,5 do t[\"x\"..i]=i end",
                "x5 x4 x2 x3 x1 | #=0"},
            {"local t={} for i=1,1000 do t[i]=i end for i=1,990 do t[i]=nil end t.a=1 t.b=2",
                "998 1000 b 991 993 995 997 999 992 994 996 a | #=0"},
            {"local t={} t[1.5]=1 t[-1]=2 t[0]=3 t[-0.0]=4 t[1e300]=5 t[true]=6",
                "0 true 1e+300 1.5 -1 | #=0"}
    };

    /**
     * OP_SETLIST pre-sizes the array part for all the values of a last call or "..." item
     * (LuaTable.resizeArray), so the nil among them stays in the array part and # is 3.
     */
    @Test
    void constructorWithCallResultsThroughTheVm() {
        String script = "local function f() return 1,nil,3 end local t={f()}"
                + " local r={} for k,v in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,' ') .. ' | #=' .. #t";
        assertThat(LibCases.run(LibCases.state(), script)).isEqualTo("1 3 | #=3");
        script = "local function f() return 1,nil,3 end local t={10, 20, f()}"
                + " local r={} for k,v in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,' ') .. ' | #=' .. #t";
        assertThat(LibCases.run(LibCases.state(), script)).isEqualTo("1 2 3 5 | #=5");
        script = "local function f() return nil,nil,nil,4 end local t={f()}"
                + " local r={} for k,v in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,' ') .. ' | #=' .. #t";
        assertThat(LibCases.run(LibCases.state(), script)).isEqualTo("4 | #=4");
    }

    @Test
    void ordersThroughTheVm() {
        org.assertj.core.api.SoftAssertions soft = new org.assertj.core.api.SoftAssertions();
        for (String[] c : SCRIPTS) {
            String script = c[0] + " local r={} for k,v in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,' ') .. ' | #=' .. #t";
            soft.assertThat(LibCases.run(LibCases.state(), script)).as(c[0]).isEqualTo(c[1]);
        }
        soft.assertAll();
    }

    @Test
    void traversalEdgesThroughTheVm() {
        LuaState L = LibCases.state();
        assertThat(LibCases.run(L, "return next({}, 'x')")).isEqualTo("ERR invalid key to 'next'");
        // assigning nil to an absent key takes a node: the full table rehashes and drops the dead 'a'
        assertThat(LibCases.run(L, "local t={a=1,b=2} for k in pairs(t) do t[k]=nil t.c=nil end return 1")).isEqualTo("ERR invalid key to 'next'");
        assertThat(LibCases.run(L, "local t={a=1,b=2,c=3} local n=0 for k in pairs(t) do t[k]=nil n=n+1 end return n, next(t)")).isEqualTo("3 null");
        assertThat(LibCases.run(L, "local t={} t[1/0]=1 t[-1/0]=2 local r={} for k in pairs(t) do r[#r+1]=tostring(k) end return table.concat(r,' ')")).isEqualTo("inf -inf");
        assertThat(LibCases.run(L, "local t={} t[0/0]=1")).isEqualTo("ERR user_script:1: table index is NaN");
        assertThat(LibCases.run(L, "return rawset({}, 0/0, 1)")).isEqualTo("ERR table index is NaN");
    }
}
