"""learning_curves.py's own logic: the training clock without validation time, the points, the stop,
and the table (no training here)."""
from __future__ import annotations

from learning_curves import Recorder, report, value_at


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_recorder_excludes_validation_time_and_stops_at_budget() -> None:
    clock = FakeClock()

    def validate(_model: object) -> float:
        clock.now += 100.0  # slow validation: must not count as training time
        return 1.5

    rec = Recorder(budget=30.0, interval=10.0, validate=validate, clock=clock)
    rec.start()
    stops = []
    for step in range(1, 20):
        clock.now += 4.0  # one training step
        stops.append(rec(None, step, 1000 * step, 2.0))  # type: ignore[arg-type]
        if stops[-1]:
            break
    assert [p["seconds"] for p in rec.points] == [12.0, 20.0, 32.0]
    assert stops[-1] and not any(stops[:-1])
    assert rec.points[0]["tokens_per_s"] == 3000 / 12.0
    assert rec.points[1]["tokens_per_s"] == 2000 / 8.0
    assert all(p["val_loss"] == 1.5 and p["train_loss"] == 2.0 for p in rec.points)


def test_value_at_and_report() -> None:
    points = [{"seconds": s, "tokens": 100 * s, "val_loss": 10 - s / 60} for s in (30.0, 60.0, 119.0, 150.0, 240.0)]
    assert value_at(points, 120, "val_loss") == 10 - 119 / 60
    assert value_at(points, 480, "val_loss") is None  # not reached
    table = report({"runs": [{"size": {"name": "small", "d_model": 160, "n_layer": 4}, "parameters": 1_400_000, "points": points}]})
    row = table.splitlines()[2]
    assert row.startswith("| small | 160 × 4 | 1.40M | 100 | 8.017 | 6.000 | — | — |")

