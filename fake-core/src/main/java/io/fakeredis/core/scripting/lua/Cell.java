package io.fakeredis.core.scripting.lua;

/** A local variable captured by a closure: the slot holds the cell, closures share it. */
final class Cell {
    Object v;

    Cell(Object v) {
        this.v = v;
    }
}
