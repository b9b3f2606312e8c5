#!/usr/bin/env python3
"""Writes the raw RESP3 reply of COMMAND DOCS from a real redis-server.

COMMAND DOCS carries summaries, complexity and history that the shared reference JSON lacks, so
the fake replays the real server's own reply for the commands it implements.
Usage: tools/dump-command-docs.py PORT > fake-core/src/main/resources/io/fakeredis/core/command/command-docs.resp3
"""
import socket
import sys


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 6379
    s = socket.create_connection(("127.0.0.1", port))
    f = s.makefile("rb")
    s.sendall(b"*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n")
    read(f)
    s.sendall(b"*2\r\n$7\r\nCOMMAND\r\n$4\r\nDOCS\r\n")
    out = bytearray()
    read(f, out)
    sys.stdout.buffer.write(out)


def read(f, out=None):
    line = f.readline()
    if out is not None:
        out += line
    t, rest = line[:1], line[1:-2]
    if t in b"$=":
        n = int(rest)
        data = f.read(n + 2)
        if out is not None:
            out += data
    elif t in b"*~>":
        for _ in range(int(rest)):
            read(f, out)
    elif t == b"%":
        for _ in range(2 * int(rest)):
            read(f, out)


if __name__ == "__main__":
    main()
