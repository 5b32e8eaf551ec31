// The bundle's tokenizer (tokenizer.json, byte-level BPE) behind the TextCodec interface.
import { readFileSync } from 'node:fs';
import { Tokenizer } from '@huggingface/tokenizers';
import type { TextCodec } from './lm.js';

/** U+FFFD: what a byte-level decoder yields for an incomplete UTF-8 sequence. */
const REPLACEMENT_CHARACTER = '\uFFFD';

export class BundleTokenizer implements TextCodec {
  readonly eosId: number;
  /** The EOS token's text (a Hugging Face folder names EOS by id). */
  readonly eosToken: string;
  readonly vocabSize: number;

  /** `eos`: the EOS token's text (manifest.json) or its id (a Hugging Face generation_config.json). */
  private constructor(
    private readonly tokenizer: Tokenizer,
    eos: string | number,
  ) {
    const eosToken = typeof eos === 'number' ? tokenizer.id_to_token(eos) : eos;
    const eosId = eosToken === undefined ? undefined : tokenizer.token_to_id(eosToken);
    if (eosToken === undefined || eosId === undefined) throw new Error(`the EOS token ${JSON.stringify(eos)} is not in the vocabulary`);
    this.eosId = eosId;
    this.eosToken = eosToken;
    let maxId = -1;
    for (const id of tokenizer.get_vocab(true).values()) maxId = Math.max(maxId, id);
    this.vocabSize = maxId + 1;
  }

  /**
   * Parses tokenizer.json text (plus tokenizer_config.json options, if any); throws (plain
   * Error) when it is not a usable tokenizer.
   */
  static fromJson(json: string, eosToken: string | number, config: Record<string, unknown> = {}): BundleTokenizer {
    // clean_up_tokenization_spaces defaults to true in tokenizers.js and would turn " ." into
    // "." on decode, breaking decode(encode(x)) === x for math text: always off.
    return new BundleTokenizer(new Tokenizer(JSON.parse(json), { ...config, clean_up_tokenization_spaces: false }), eosToken);
  }

  static fromFile(path: string, eosToken: string | number, config?: Record<string, unknown>): BundleTokenizer {
    return BundleTokenizer.fromJson(readFileSync(path, 'utf8'), eosToken, config);
  }

  /** Plain text to ids. The EOS token string, if present in the text, becomes the EOS id. */
  encode(text: string): number[] {
    if (text === '') return [];
    return this.tokenizer.encode(text, { add_special_tokens: false }).ids;
  }

  /** Ids to text; special tokens (EOS) are dropped so decoded steps are clean text. */
  decode(ids: readonly number[]): string {
    if (ids.length === 0) return '';
    return this.tokenizer.decode([...ids], { skip_special_tokens: true, clean_up_tokenization_spaces: false });
  }

  /**
   * Per-token text by prefix-diff decoding. A token ending inside a multi-byte character yields
   * '' and the token that completes the character yields all of it, so the texts always
   * concatenate to decode(ids).
   */
  tokenTexts(ids: readonly number[]): string[] {
    const texts: string[] = [];
    let emitted = '';
    for (let end = 1; end <= ids.length; end++) {
      const decoded = this.decode(ids.slice(0, end));
      if (decoded.endsWith(REPLACEMENT_CHARACTER) && end < ids.length) {
        texts.push('');
        continue;
      }
      texts.push(decoded.startsWith(emitted) ? decoded.slice(emitted.length) : decoded);
      emitted = decoded;
    }
    return texts;
  }

  /** Text of one token on its own (used to find step-delimiter tokens across the vocabulary). */
  idText(id: number): string {
    return this.tokenizer.decode([id], { skip_special_tokens: false, clean_up_tokenization_spaces: false });
  }
}
