import type { Connection } from '../model';
import type { ParameterAnswer, ParameterValue } from '../parameterModel';
import { ssmClient } from './clients';

/** SSM's limit of names per GetParameters call. */
export const maxParameterNames = 10;

/** Up to ten parameters of one region; names SSM does not know come back in `invalid`. */
export async function getParameters(connection: Connection, region: string, names: readonly string[], signal?: AbortSignal): Promise<ParameterAnswer> {
  if (names.length > maxParameterNames) {
    throw new Error(`GetParameters takes at most ${maxParameterNames} names, not ${names.length}.`);
  }
  const { client, GetParametersCommand } = await ssmClient(connection, region);
  const out = await client.send(new GetParametersCommand({ Names: [...names] }), { abortSignal: signal });
  const found = (out.Parameters ?? []).map((p): ParameterValue => {
    const name = p.Name ?? '';
    // SSM answers with the bare name; the selector asked for is in Selector (":3" or ":label").
    const asked = p.Selector ? `${name}${p.Selector}` : names.find((n) => n === name) ?? name;
    return {
      asked,
      name,
      value: p.Value ?? '',
      dataType: p.DataType ?? 'text',
      ...(p.Version !== undefined ? { version: p.Version } : {}),
      ...(p.LastModifiedDate ? { lastModified: p.LastModifiedDate.toISOString() } : {}),
    };
  });
  return { found, invalid: out.InvalidParameters ?? [] };
}
