"""Figures drawn with matplotlib (no display needed): a country pair's timeline and the
network of who interacts with whom."""

from __future__ import annotations

from pathlib import Path

from .analytics import PeriodRow, Tie
from .errors import CommuniqueError

FORMATS = (".png", ".svg")
QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict",
               "material conflict")
QUAD_COLOURS = ("#8fc1e3", "#2f6fa5", "#f2a65a", "#c2362b")


def figure_path(path: str | Path) -> Path:
    """The figure's path, its folder made; a clear error when it cannot be written."""
    path = Path(path)
    if path.suffix.lower() not in FORMATS:
        raise CommuniqueError(f"{path}: --plot writes .png or .svg files")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CommuniqueError(f"{path}: cannot write the figure ({exc.strerror})") from exc
    return path


def _save(fig, path: Path) -> None:
    try:
        fig.savefig(path)
    except OSError as exc:
        raise CommuniqueError(f"{path}: cannot write the figure ({exc.strerror})") from exc


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


# Bar width in days for each period of `communique dyad --by`.
BAR_DAYS = {"day": 0.8, "week": 5.6, "month": 24, "year": 290}


def timeline(rows: list[PeriodRow], title: str, path: str | Path, by: str = "month") -> Path:
    """Events per period stacked by QuadClass, with the mean Goldstein value on a
    second axis."""
    path = figure_path(path)
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 4.5))
    try:
        x = [r.period for r in rows]
        width = BAR_DAYS.get(by, 24)
        bottom = [0] * len(rows)
        for q in range(4):
            heights = [r.by_quad[q] for r in rows]
            ax.bar(x, heights, width=width, bottom=bottom, color=QUAD_COLOURS[q],
                   label=QUAD_LABELS[q])
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        ax.set_ylabel("events")
        ax.set_title(title)
        gold = [r for r in rows if r.mean_goldstein is not None]
        if gold:
            ax2 = ax.twinx()
            ax2.plot([r.period for r in gold], [r.mean_goldstein for r in gold], color="black",
                     marker="o", linewidth=1, markersize=3, label="mean Goldstein")
            ax2.set_ylim(-10, 10)
            ax2.axhline(0, color="grey", linewidth=0.5)
            ax2.set_ylabel("mean Goldstein")
        ax.legend(loc="upper left", fontsize="small", frameon=False)
        fig.autofmt_xdate()
        fig.tight_layout()
        _save(fig, path)
    finally:
        plt.close(fig)
    return path


def network(ties: list[Tie], title: str, path: str | Path) -> Path:
    """Actors as nodes sized by their events, ties as edges as wide as their events and
    coloured by mean Goldstein (red: conflict, blue: cooperation)."""
    import networkx as nx

    if not ties:
        raise CommuniqueError("no events between two actors to draw")
    path = figure_path(path)
    plt = _pyplot()
    graph = nx.Graph()
    for t in ties:
        graph.add_edge(t.a, t.b, weight=t.events, goldstein=t.mean_goldstein or 0.0)
    pos = _layout(graph)
    strength = dict(graph.degree(weight="weight"))
    top = max(strength.values())
    fig, ax = plt.subplots(figsize=(8, 8))
    try:
        edges = list(graph.edges(data=True))
        heaviest = max(d["weight"] for *_, d in edges)
        nx.draw_networkx_edges(graph, pos, ax=ax, edgelist=[(a, b) for a, b, _ in edges],
                               width=[0.5 + 6 * d["weight"] / heaviest for *_, d in edges],
                               edge_color=[d["goldstein"] for *_, d in edges],
                               edge_cmap=plt.get_cmap("RdBu"), edge_vmin=-10, edge_vmax=10)
        nx.draw_networkx_nodes(graph, pos, ax=ax, node_color="#f4f4f4", edgecolors="#555555",
                               node_size=[120 + 900 * strength[n] / top for n in graph])
        nx.draw_networkx_labels(graph, pos, ax=ax, font_size=9)
        ax.set_title(title)
        ax.axis("off")
        fig.tight_layout()
        _save(fig, path)
    finally:
        plt.close(fig)
    return path


def _layout(graph) -> dict:
    """A spring layout of each connected group of actors, the groups side by side on a
    grid, largest first (one spring layout pushes separate groups to the corners). The
    seed fixes it: the same data always gives the same figure."""
    import math

    import networkx as nx

    parts = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(c)))
    cols = math.ceil(math.sqrt(len(parts)))
    pos = {}
    for i, nodes in enumerate(parts):
        sub = graph.subgraph(nodes)
        scale = 0.42 * min(1.0, 0.35 + len(nodes) / 8)
        local = nx.spring_layout(sub, weight="weight", seed=7, scale=scale,
                                 k=1.6 / len(nodes) ** 0.5) if len(nodes) > 1 \
            else {next(iter(nodes)): (0.0, 0.0)}
        cx, cy = i % cols, -(i // cols)
        pos.update({n: (cx + x, cy + y) for n, (x, y) in local.items()})
    return pos
