// Which region a line of code is about, when it says so: an AMI id only works in its own region, so an id under a
// `us-east-1:` key (CloudFormation Mappings), next to `"eu-west-1" =` (a Terraform map) or `--region` (a shell
// command), or beside `region = "…"` in the same block (Packer) must live in that region. Pure.

const regionName = /(?<![\w-])(?:us-gov|us|eu|ap|sa|ca|me|af|il|mx|cn)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest|iso[a-z]*)-\d{1,2}(?![\w-])/g;
/** `region = "x"`, `region: x`, `"region": "x"`, `region_name='x'`, `aws_region = …` */
const regionSetting = /^\s*["']?(?:aws_)?region(?:_name)?["']?\s*[:=]\s*["']?([a-z]{2}(?:-[a-z]+)+-\d{1,2})["']?\s*,?\s*(?:#.*)?$/;
const keyLine = /^\s*["']?([\w.-]+)["']?\s*[:=]/;
const maxLinesUp = 60;

export interface LineSource {
  readonly lineCount: number;
  lineAt(line: number): string;
}

export function linesOf(text: string): LineSource {
  const lines = text.split(/\r?\n/);
  return { lineCount: lines.length, lineAt: (i) => lines[i] ?? '' };
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isBlank(line: string): boolean {
  const t = line.trim();
  return !t || t.startsWith('#') || t.startsWith('//');
}

function lastRegionIn(text: string): string | undefined {
  let found: string | undefined;
  for (const m of text.matchAll(regionName)) {
    found = m[0];
  }
  return found;
}

/**
 * The region the id at `column` of `line` is meant for, or undefined when the code does not say.
 * Looks, in order, at the same line (before the id, then after it), the keys of enclosing blocks (by
 * indentation), and `region` settings among the lines of the same block.
 */
export function regionContextAt(source: LineSource, line: number, column: number): string | undefined {
  const text = source.lineAt(line);
  const sameLine = lastRegionIn(text.slice(0, column)) ?? lastRegionIn(text.slice(column));
  if (sameLine) {
    return sameLine;
  }
  let indent = indentOf(text);
  let blockStart = line;
  for (let i = line - 1; i >= 0 && line - i <= maxLinesUp && indent > 0; i--) {
    const candidate = source.lineAt(i);
    if (isBlank(candidate)) {
      continue;
    }
    const candidateIndent = indentOf(candidate);
    if (candidateIndent < indent) {
      const key = keyLine.exec(candidate)?.[1];
      const region = key ? lastRegionIn(key) : undefined;
      if (region) {
        return region;
      }
      if (blockStart === line) {
        blockStart = i + 1;
      }
      indent = candidateIndent;
    }
  }
  return siblingRegionSetting(source, line, blockStart === line ? 0 : blockStart);
}

/** A `region = "…"` line at the id's own indentation, within its block. */
function siblingRegionSetting(source: LineSource, line: number, blockStart: number): string | undefined {
  const indent = indentOf(source.lineAt(line));
  for (const step of [-1, 1]) {
    for (let i = line + step; i >= blockStart && i < source.lineCount && Math.abs(i - line) <= maxLinesUp; i += step) {
      const candidate = source.lineAt(i);
      if (isBlank(candidate)) {
        continue;
      }
      if (indentOf(candidate) < indent) {
        break;
      }
      if (indentOf(candidate) === indent) {
        const region = regionSetting.exec(candidate)?.[1];
        if (region) {
          return region;
        }
      }
    }
  }
  return undefined;
}
