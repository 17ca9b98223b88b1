#!/usr/bin/env python3
"""Lists the `use` edges between modules of crates/core/src and reports cycles.

A module is a file (`a/b.rs` is `a::b`, `a/mod.rs` is `a`). An edge A -> B means A's code
names B through `crate::...`, `super::...` or `self::...` (in `use` lines and in paths in
the code), resolved to the longest path that is a module. Two kinds of edge are left out,
as they are not dependencies between siblings: a module naming its own descendants or
ancestors (a `mod.rs` re-exporting its children, a child using its parent's re-exports),
and test code (`#[cfg(test)]` items, files named `*tests.rs` and files under `tests/`).

A cycle is a strongly connected component of more than one module. Prints every edge
with `--edges`, then each cycle; exits 1 when there is a cycle, so `make lint` fails.

Usage: python3 tools/module_cycles.py [--edges] [SRC_DIR]
"""

import re
import sys
from pathlib import Path

USE_ITEM = re.compile(r"\buse\s+([^;]*);")
PATH_IN_CODE = re.compile(r"\b(?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+")
REEXPORT = re.compile(r"\bpub\s+use\s+([^;]*);")


def expand(tree: str) -> list:
    """`a::{b, c::{d, e}}` as the paths `a::b`, `a::c::d`, `a::c::e` (`as` names dropped)."""
    tree = re.sub(r"\s+", "", re.sub(r"\s+as\s+\w+", "", tree))
    brace = tree.find("{")
    if brace < 0:
        return [tree]
    prefix = tree[:brace]
    inner = tree[brace + 1 : tree.rfind("}")]
    parts, depth, start = [], 0, 0
    for i, c in enumerate(inner):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    parts.append(inner[start:])
    out = []
    for part in parts:
        if part:
            for tail in expand(part):
                out.append(prefix + tail if tail != "self" else prefix.rstrip(":"))
    return out


def module_of(path: Path, root: Path) -> tuple:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    return tuple(parts)


def strip_tests_and_comments(text: str) -> str:
    """Drops line comments and every `#[cfg(test)]` item (a module or a function)."""
    text = re.sub(r"//[^\n]*", "", text)
    out = []
    i = 0
    while True:
        j = text.find("#[cfg(test)]", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        # Skip the attribute and the item after it: to the end of its braces, or a `;`.
        k = j + len("#[cfg(test)]")
        depth = 0
        while k < len(text):
            c = text[k]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    k += 1
                    break
            elif c == ";" and depth == 0:
                k += 1
                break
            k += 1
        i = k
    return "".join(out)


def resolve(module: tuple, path: str, known: set, reexports: dict) -> tuple:
    """The module that `path` (from `module`) names: the longest known module prefix,
    followed through a parent's `pub use child::Name` re-export of the next segment."""
    segments = path.split("::")
    head, rest = segments[0], segments[1:]
    base = {"crate": (), "self": module, "super": module[:-1]}.get(head)
    if base is None:
        return None
    at = list(base)
    while rest and rest[0] == "super":
        at = at[:-1]
        rest = rest[1:]
    for seg in rest:
        if tuple(at + [seg]) in known:
            at.append(seg)
        elif seg in reexports.get(tuple(at), {}):
            return reexports[tuple(at)][seg]
        else:
            break
    return tuple(at)


def reexports_of(files: list, root: Path, known: set) -> dict:
    """For each module, the names it re-exports from its own children: name -> child."""
    out = {}
    for p in files:
        m = module_of(p, root)
        text = strip_tests_and_comments(p.read_text(encoding="utf-8"))
        for match in REEXPORT.finditer(text):
            for path in expand(match.group(1)):
                segs = path.split("::")
                if segs and segs[0] == "self":
                    segs = segs[1:]
                if len(segs) >= 2 and (m + (segs[0],)) in known:
                    child = m + (segs[0],)
                    for seg in segs[1:-1]:
                        if child + (seg,) in known:
                            child = child + (seg,)
                    out.setdefault(m, {})[segs[-1]] = child
    return out


def edges(root: Path) -> dict:
    files = [p for p in root.rglob("*.rs")]
    known = {module_of(p, root) for p in files}
    graph = {m: set() for m in known}
    reexports = reexports_of(files, root, known)
    for p in files:
        if p.name.endswith("tests.rs") or "tests" in p.relative_to(root).parts[:-1]:
            continue
        m = module_of(p, root)
        text = strip_tests_and_comments(p.read_text(encoding="utf-8"))
        paths = [p for u in USE_ITEM.finditer(text) for p in expand(u.group(1))]
        code = USE_ITEM.sub("", text)
        paths += PATH_IN_CODE.findall(code)
        for path in paths:
            target = resolve(m, path, known, reexports)
            if target is None:
                continue
            if target == m or target == ():
                continue
            # A module and its own ancestors or descendants are one family, not siblings.
            if target[: len(m)] == m or m[: len(target)] == target:
                continue
            graph[m].add(target)
    return graph


def cycles(graph: dict) -> list:
    """Tarjan's strongly connected components with more than one module."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def name(m: tuple) -> str:
    return "::".join(m) or "crate"


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(args[0] if args else Path(__file__).resolve().parent.parent / "crates/core/src")
    graph = edges(root)
    if "--edges" in sys.argv:
        for m in sorted(graph):
            for t in sorted(graph[m]):
                print(f"{name(m)} -> {name(t)}")
    found = cycles(graph)
    n_edges = sum(len(t) for t in graph.values())
    print(f"{len(graph)} modules, {n_edges} edges, {len(found)} cycles")
    for component in found:
        members = set(component)
        print("cycle: " + ", ".join(name(m) for m in component))
        for m in component:
            for t in sorted(graph[m] & members):
                print(f"  {name(m)} -> {name(t)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
