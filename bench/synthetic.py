"""Synthetic guides of any size, valid against the real model, for benchmarks.

Usage: python -m bench.synthetic OUT_DIR N   (writes OUT_DIR/content/ and OUT_DIR/mkdocs.yml)
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
POSES = 20  # distinct drawings, reused: a real library shares positions, and it bounds cold-build cost
PER_STAGE = 10
PER_ROUTINE = 8


def _exercise(i: int) -> dict:
    eid = f"exercise-{i:04d}"
    angle = 20 + (i % POSES) * 3
    return {
        "id": eid,
        "title": f"Stretch number {i}",
        "also_known_as": [f"Synthetic move {i}"],
        "region": ["low back", "hips"] if i % 2 else ["upper back"],
        "purpose": "Gently moves your back so it feels less stiff.",
        "equipment": ["A sturdy chair"] if i % 3 == 0 else [],
        "steps": [{"id": f"step-{n}", "text": f"Do part {n} of the movement slowly."} for n in range(1, 7)],
        "cues": [{"id": "breathe", "text": "Breathe out slowly as you move."}, {"id": "slow", "text": "Go slowly."}],
        "dosage": {"hold": {"min": 15, "max": 30, "unit": "seconds"}, "repetitions": {"min": 3, "max": 5}, "per_side": bool(i % 2)},
        "stop_rules": ["Stop if you feel sharp pain, or pain, numbness or tingling that spreads into your leg."],
        "cautions": [{"id": "slowly", "kind": "note", "title": "Go slowly at first", "text": "Move slowly the first time."}],
        "variations": [],
        "figures": [
            {
                "id": f"{eid}-hold",
                "kind": "pose",
                "alt": "Side view, two pictures. 1: a person sits on the heels. 2: the person bends forward with the arms reaching out on the floor.",
                "card_alt": "Side view. A person kneels and bends forward with the arms reaching out on the floor.",
                "caption": "Reach forward and sit back.",
                "licence": "CC BY 4.0",
                "credit": "Benchmark",
                "pose": {
                    "view": "side-left",
                    "frames": [
                        {"base": "kneel-sit"},
                        {"base": "kneel-sit", "joints": {"trunk flexion": angle}, "highlight": ["low back"]},
                    ],
                },
            }
        ],
    }


def generate(out: Path, count: int) -> Path:
    """Write a project folder with ``count`` exercises; returns its mkdocs.yml."""
    content = out / "content"
    shutil.rmtree(out, ignore_errors=True)
    (content / "exercises").mkdir(parents=True)
    (content / "routines").mkdir()
    (content / "pages").mkdir()
    guide = yaml.safe_load((REPO / "content" / "guide.yaml").read_text(encoding="utf-8"))
    ids = []
    for i in range(1, count + 1):
        exercise = _exercise(i)
        ids.append(exercise["id"])
        (content / "exercises" / f"{exercise['id']}.yaml").write_text(yaml.safe_dump(exercise, sort_keys=False), encoding="utf-8")
    guide["stages"] = [
        {"number": n + 1, "id": f"stage-{n + 1}", "title": f"Stage {n + 1}", "summary": "A group of stretches.", "exercises": ids[s : s + PER_STAGE]}
        for n, s in enumerate(range(0, count, PER_STAGE))
    ]
    guide["safety"]["acute_pain"]["routine"] = "routine-1"  # the real guide's gentle routine is not here
    (content / "guide.yaml").write_text(yaml.safe_dump(guide, sort_keys=False), encoding="utf-8")
    for n, s in enumerate(range(0, count, PER_ROUTINE * 10)):
        routine = {"id": f"routine-{n + 1}", "title": f"Routine {n + 1}", "purpose": "A short set of stretches.",
                   "for_whom": "Anyone.", "exercises": [{"exercise": e} for e in ids[s : s + PER_ROUTINE]]}
        (content / "routines" / f"routine-{n + 1}.yaml").write_text(yaml.safe_dump(routine, sort_keys=False), encoding="utf-8")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("custom_dir: overrides", f"custom_dir: {REPO / 'overrides'}")
    config = config.replace("assets: site_assets", f"assets: {REPO / 'site_assets'}")
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    return out / "mkdocs.yml"


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]))
