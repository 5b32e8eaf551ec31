// Measures a problem's familiarity for a solve, check or hint and returns the map its values are
// displayed through (calibration.ts), from the bundle's calibration.
import type { EngineModels } from '../lm.js';
import type { TextFormat } from '../search/format.js';
import { valueDisplay, type ValueDisplay } from './calibration.js';
import { problemSurprise } from './problemSurprise.js';
import { splitWords } from './splitWords.js';

export async function assessFamiliarity(models: EngineModels, format: TextFormat, problem: string, signal?: AbortSignal): Promise<ValueDisplay> {
  const surprise = await problemSurprise(models.policy, format, problem, signal);
  return valueDisplay(surprise?.meanNats ?? null, splitWords(models.tokenizer, problem).length, models.info.calibration);
}
