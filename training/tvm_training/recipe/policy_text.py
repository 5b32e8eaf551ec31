"""How a policy reads a problem and writes a solution: its prompt (the chat template with one user
turn and the generation prompt, as the engine renders it, or a `{problem}` template), its EOS ids,
and the tokens that end a step (any token whose text holds the step delimiter)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from transformers import AutoTokenizer, GenerationConfig, PreTrainedTokenizerBase


class PolicyFolderError(ValueError):
    """A policy folder the recipe cannot use; the message names the file and the remedy."""


@dataclass
class PolicyText:
    tokenizer: PreTrainedTokenizerBase
    prompt_template: str | None      # with {problem}; None: the tokenizer's chat template
    system_prompt: str | None
    eos_ids: list[int]
    pad_id: int
    step_delimiter: str

    def prompt(self, question: str) -> str:
        if self.prompt_template is not None:
            return self.prompt_template.replace("{problem}", question)
        messages = ([{"role": "system", "content": self.system_prompt}] if self.system_prompt else [])
        messages.append({"role": "user", "content": question})
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode_prompt(self, question: str) -> list[int]:
        # The rendered template already holds any BOS it wants; the engine adds none either.
        return list(self.tokenizer(self.prompt(question), add_special_tokens=False)["input_ids"])

    def decode(self, tokens: list[int]) -> str:
        return self.tokenizer.decode(tokens, skip_special_tokens=True, clean_up_tokenization_spaces=False)

    def step_token_ids(self) -> set[int]:
        """Ids whose text contains the delimiter (with a newline delimiter, also tokens such as ".\\n\\n")."""
        vocab = self.tokenizer.get_vocab()
        return {i for i in vocab.values() if self.step_delimiter in self.tokenizer.decode([i], clean_up_tokenization_spaces=False)}


def eos_token_ids(folder: Path, tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """generation_config.json's eos_token_id (one id or several), else the tokenizer's EOS."""
    ids: list[int] = []
    if (folder / "generation_config.json").is_file():
        found = GenerationConfig.from_pretrained(folder).eos_token_id
        ids = [found] if isinstance(found, int) else list(found or [])
    if not ids and tokenizer.eos_token_id is not None:
        ids = [tokenizer.eos_token_id]
    if not ids:
        raise PolicyFolderError(f"{folder}: neither generation_config.json nor the tokenizer names an EOS token; "
                                "add eos_token_id to generation_config.json")
    return ids


def load_policy_text(folder: Path, prompt_template: str | None, system_prompt: str | None, step_delimiter: str) -> PolicyText:
    for name in ("config.json", "tokenizer.json"):
        if not (folder / name).is_file():
            raise PolicyFolderError(f"{folder / name} is missing: --policy takes a Transformers model folder "
                                    "(config.json, safetensors weights, tokenizer.json)")
    tokenizer = AutoTokenizer.from_pretrained(folder)
    if prompt_template is not None and "{problem}" not in prompt_template:
        raise PolicyFolderError(f"--prompt-template {prompt_template!r} has no {{problem}}; write where the problem goes")
    if prompt_template is None and not tokenizer.chat_template:
        raise PolicyFolderError(f"{folder / 'tokenizer_config.json'} has no chat template: give --prompt-template "
                                "(e.g. 'Question: {problem}\\nAnswer:\\n')")
    if not step_delimiter:
        raise PolicyFolderError("--step-delimiter is empty; steps need a delimiter (default a newline)")
    eos = eos_token_ids(folder, tokenizer)
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos[0]
    return PolicyText(tokenizer, prompt_template, system_prompt, eos, pad, step_delimiter)
