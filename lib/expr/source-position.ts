// Offsets are what the parser knows; editors and messages want line and column (1-based, as
// every editor shows them).

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export function lineColumnAt(source: string, offset: number): LineColumn {
  const clamped = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1 };
}

export function offsetAt(source: string, position: LineColumn): number {
  let line = 1;
  let i = 0;
  while (line < position.line && i < source.length) {
    if (source.charCodeAt(i) === 10) line++;
    i++;
  }
  return Math.min(source.length, i + Math.max(0, position.column - 1));
}
