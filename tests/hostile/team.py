"""Bundles a team roll-up must refuse while it opens the others: a forecast of the wrong shape,
a value only the full read meets (an influence's role), and a bundle that claims a target in
the billions of a currency that does not exist."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

# Made for a fixed day and plan id, so that the files are the same every time they are written.
EXPORTED = "2026-11-26T09:30:00+00:00"


def _bundle(plan_id: str, seller: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "format": "opportunity-plan",
        "version": 1,
        "exported_at": EXPORTED,
        "today": "2026-11-26",
        "plan": {"id": plan_id, "name": f"{seller}'s plan", "seller": seller, "base_currency": "EUR"},
        "stages": [{"name": "Committed", "funnel_level": "best_few", "probability": 80}],
        "opportunities": [
            {
                "id": 1,
                "name": "Fleet rollout",
                "stage": "Committed",
                "funnel_level": "best_few",
                "amount": 1000,
                "currency": "EUR",
                "close_date": "2026-12-10",
                "forecast_category": "commit",
            }
        ],
        "forecast": {
            "quarter": "2026Q4",
            "fiscal_year_start_month": 1,
            "start": "2026-10-01",
            "end": "2026-12-31",
            "base_currency": "EUR",
            "total": {"won": 0, "commit": 1000, "best_case": 0, "pipeline": 0},
            "target": 5000,
        },
    }
    data.update(changes)
    return data


def make(folder: Path) -> list[Path]:
    wrong_forecast = _bundle("team-hostile-forecast-0001", "Wrong Forecast")
    wrong_forecast["forecast"]["target"] = "lots"
    bad_influence = _bundle("team-hostile-influence-0002", "Bad Influence")
    bad_influence["opportunities"][0]["influences"] = [{"id": 1, "name": "Pat", "role": "boss"}]
    bad_currency = _bundle("team-hostile-currency-0003", "Bad Currency")
    bad_currency["forecast"]["base_currency"] = "<b>€€€</b>"
    written = []
    for name, data in (
        ("team-wrong-forecast.json", wrong_forecast),
        ("team-bad-influence.json", bad_influence),
        ("team-bad-currency.json", bad_currency),
    ):
        path = folder / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path)
    return written
