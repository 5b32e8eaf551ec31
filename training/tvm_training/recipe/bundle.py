"""The folder the engine loads (README "Bring your own model"): the policy's own config and tokenizer
files with its ONNX in the Optimum decoder-with-past layout (Optimum's exporter, as hf_export.py
runs it), each value model in a subfolder (tvm/, orm/, prm/: safetensors, config, tokenizer, ONNX),
and tutor.json naming the prompt, the step delimiter and the answer pattern. The policy's weights
stay in its own folder: the engine reads only the ONNX."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from transformers import PreTrainedModel

from ..hf_format import export_policy_onnx, fp16_and_int8_variants, write_tutor_json
from .value_onnx import export_value_onnx

# The files of a Transformers folder that describe the model and its text (not its weights).
TEXT_FILES = ("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
              "chat_template.jinja", "vocab.json", "merges.txt", "added_tokens.json")
TOKENIZER_FILES = tuple(f for f in TEXT_FILES if f not in ("config.json", "generation_config.json"))


@dataclass(frozen=True)
class BundleText:
    name: str
    prompt_template: str | None
    system_prompt: str | None
    step_delimiter: str
    answer_pattern: str


def copy_present(source: Path, target: Path, names: tuple[str, ...]) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        if (source / name).is_file():
            shutil.copy2(source / name, target / name)


def short_manifest(text: BundleText) -> dict[str, object]:
    manifest: dict[str, object] = {"name": text.name, "stepDelimiter": text.step_delimiter, "answerPattern": text.answer_pattern}
    if text.prompt_template is not None:
        manifest["promptTemplate"] = text.prompt_template
    if text.system_prompt is not None:
        manifest["systemPrompt"] = text.system_prompt
    # No "verifiers" entry: the engine finds tvm/, orm/, prm/ itself and loads each in the same
    # weights variant as the policy (--weights).
    return manifest


def write_bundle(out: Path, policy_dir: Path, value_models: dict[str, PreTrainedModel], text: BundleText,
                 variants: bool) -> dict[str, int]:
    """Writes the folder; returns each file's size in bytes."""
    copy_present(policy_dir, out, TEXT_FILES)
    onnx_files = [export_policy_onnx(out, source=policy_dir)]
    for kind, model in value_models.items():
        folder = out / kind
        model.save_pretrained(folder)
        copy_present(policy_dir, folder, TOKENIZER_FILES)
        onnx_files.append(export_value_onnx(model, folder))
    if variants:
        for path in onnx_files:
            fp16_and_int8_variants(path)
    write_tutor_json(out, short_manifest(text), start=True)
    return {str(p.relative_to(out)): p.stat().st_size for p in sorted(out.rglob("*")) if p.is_file()}
