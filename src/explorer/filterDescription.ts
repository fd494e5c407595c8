import type { ImageFilter } from '../aws/model';

/** "name: pettracker*, arm64, incl. disabled" — what the view title shows while a filter is on. */
export function describeFilter(filter: ImageFilter): string | undefined {
  const parts: string[] = [];
  if (filter.namePattern) {
    parts.push(`name: ${filter.namePattern}`);
  }
  if (filter.architectures?.length) {
    parts.push(filter.architectures.join('/'));
  }
  if (filter.states?.length) {
    parts.push(filter.states.join('/'));
  }
  if (!filter.includeDeprecated) {
    parts.push('no deprecated');
  }
  if (filter.includeDisabled) {
    parts.push('incl. disabled');
  }
  return parts.length ? parts.join(', ') : undefined;
}
