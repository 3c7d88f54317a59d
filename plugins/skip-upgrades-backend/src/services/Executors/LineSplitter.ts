import { StringDecoder } from 'node:string_decoder';

/**
 * Turns a byte stream into complete lines: keeps a partial line (and a UTF-8 character split
 * across chunks) until the rest arrives, and hands out what is left at the end.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer | string): void {
    this.take(typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
  }

  /** Flushes the last line when the stream ended without a newline. */
  end(): void {
    this.take(this.decoder.end());
    if (this.pending !== '') {
      const last = this.pending;
      this.pending = '';
      this.onLine(stripCr(last));
    }
  }

  private take(text: string): void {
    if (text === '') return;
    const parts = (this.pending + text).split('\n');
    this.pending = parts.pop() ?? '';
    for (const part of parts) this.onLine(stripCr(part));
  }
}

// Windows-style tools (and a pty) end lines with CRLF; the log wants the text only.
function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
