"""A stand-in for the heatmap worker, for build tests that do not look at the pictures (no process, no matplotlib)."""

from __future__ import annotations

from xianjice.graph.writers.heatmap_worker import Drawn


class NoHeatmap:
    """What :func:`xianjice.graph.writers.export.write_build` asks of a heatmap worker; draws nothing."""

    def send(self, matrix, *, stem: str = "units-themes") -> None:
        self.matrix = matrix

    def receive(self) -> Drawn:
        return Drawn({}, {}, None)

    def __enter__(self) -> NoHeatmap:
        return self

    def __exit__(self, *exc) -> None:
        pass
