"""tutor.json has one writer on the Python side (hf_format.write_tutor_json): a new bundle starts the
file afresh, so an earlier model's calibration map never survives a rebuild; later fields join it."""
from __future__ import annotations

import json

import pytest

from tvm_training.hf_format import write_short_manifest, write_tutor_json


def test_a_new_bundle_starts_afresh_and_later_fields_join_it(tmp_path):
    (tmp_path / "tutor.json").write_text(json.dumps({"name": "old", "calibration": {"weights": [0.25]}}))
    write_tutor_json(tmp_path, {"promptFormat": "v2"}, start=True)
    assert json.loads((tmp_path / "tutor.json").read_text()) == {"promptFormat": "v2"}
    write_short_manifest(tmp_path, "medium-v2", "The answer is (.+)", {"steps": 3})
    assert json.loads((tmp_path / "tutor.json").read_text()) == {
        "promptFormat": "v2", "name": "medium-v2", "answerPattern": "The answer is (.+)", "training": {"steps": 3}}


def test_a_field_the_engine_does_not_read_is_refused(tmp_path):
    with pytest.raises(ValueError, match="no field promptformat"):
        write_tutor_json(tmp_path, {"promptformat": "v2"}, start=True)
    assert not (tmp_path / "tutor.json").exists()
