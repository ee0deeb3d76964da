import { AdapterError } from '../contracts/errors.js';

/**
 * Byte and text access to an uploaded file, with only web-platform APIs (Blob, streams,
 * DecompressionStream, TextDecoderStream) so the same code runs in browsers and in Node ≥ 18.
 */
export type ImportSource = Blob | Uint8Array;

export const sourceSize = (src: ImportSource): number => (src instanceof Uint8Array ? src.byteLength : src.size);

/** The first n bytes (fewer if the file is shorter). */
export async function readHead(src: ImportSource, n: number): Promise<Uint8Array> {
  if (src instanceof Uint8Array) return src.subarray(0, n);
  return new Uint8Array(await src.slice(0, n).arrayBuffer());
}

export async function readAll(src: ImportSource): Promise<ArrayBuffer> {
  if (src instanceof Uint8Array) {
    // A copy when the view does not span its whole buffer, so readers see exactly the file.
    if (src.byteOffset === 0 && src.byteLength === src.buffer.byteLength && src.buffer instanceof ArrayBuffer) return src.buffer;
    return src.slice().buffer as ArrayBuffer;
  }
  return src.arrayBuffer();
}

/** 1 MiB views of an in-memory file: cheaper than wrapping it in a Blob and streaming that (no copy). */
const CHUNK = 1 << 20;

function byteStream(src: ImportSource): ReadableStream<Uint8Array> {
  if (src instanceof Uint8Array) {
    let pos = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pos >= src.byteLength) controller.close();
        else {
          controller.enqueue(src.subarray(pos, pos + CHUNK));
          pos += CHUNK;
        }
      },
    });
  }
  return src.stream() as ReadableStream<Uint8Array>;
}

export interface TextChunkOptions {
  gzip: boolean;
  /** Source (compressed) bytes consumed so far. */
  onBytes?: (bytesDone: number) => void;
  signal?: AbortSignal;
}

/** Decoded UTF-8 text in chunks as the file streams in (gunzipped first when asked); a BOM is dropped. */
export async function* textChunks(src: ImportSource, options: TextChunkOptions): AsyncGenerator<string> {
  let done = 0;
  const counted = byteStream(src).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        done += chunk.byteLength;
        options.onBytes?.(done);
        controller.enqueue(chunk);
      },
    }),
  );
  const bytes = options.gzip ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>) : counted;
  const reader = bytes.pipeThrough(new TextDecoderStream('utf-8') as unknown as TransformStream<Uint8Array, string>).getReader();
  try {
    for (;;) {
      if (options.signal?.aborted) throw new AdapterError('aborted', 'The import was cancelled.');
      let r: ReadableStreamReadResult<string>;
      try {
        r = await reader.read();
      } catch (e) {
        throw new AdapterError('invalid_request', `The file could not be read${options.gzip ? ' as gzip' : ''}: ${(e as Error).message}`, undefined, { cause: e });
      }
      if (r.done) return;
      if (r.value) yield r.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
