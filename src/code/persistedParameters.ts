// The SSM parameter answers globalState keeps across reloads, so reopening a project costs no GetParameters call.
// A stored value that is missing, of another connection or damaged is ignored (then looked up anew). Pure.
import type { ParameterResolution } from './parameterResolver';

export interface PersistedParameters {
  readonly connection: string;
  readonly answers: readonly ParameterResolution[];
}

/** Enough for any project; the newest answers win. */
export const maxPersistedParameters = 2000;

export function packParameters(connection: string, answers: readonly ParameterResolution[]): PersistedParameters {
  const kept = answers.filter((a) => a.kind !== 'failed').sort((a, b) => b.at - a.at).slice(0, maxPersistedParameters);
  return { connection, answers: kept };
}

const isText = (v: unknown): v is string => typeof v === 'string';

function isAnswer(value: unknown): value is ParameterResolution {
  const a = value as Partial<Record<string, unknown>> | null;
  if (typeof a !== 'object' || a === null || !isText(a.region) || !isText(a.name) || typeof a.at !== 'number') {
    return false;
  }
  return a.kind === 'missing' || (a.kind === 'found' && isText(a.value) && isText(a.dataType));
}

/** The answers stored for `connection`, each checked for shape; none when the value is of another connection. */
export function readPersistedParameters(value: unknown, connection: string): ParameterResolution[] {
  const stored = value as Partial<PersistedParameters> | undefined;
  if (stored?.connection !== connection || !Array.isArray(stored.answers)) {
    return [];
  }
  return (stored.answers as unknown[]).filter(isAnswer);
}
