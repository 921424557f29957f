import { Transform, type TransformCallback } from 'node:stream';
import type { FramingError } from '../core/errors.js';
import type { Frame, FrameDecoder } from './framer.js';

/**
 * Wraps a FrameDecoder as a Transform stream: bytes in, Frame objects out;
 * framing errors are emitted as 'framingError' events, never as stream
 * errors (a bad frame must not end the stream).
 */
export class FramerStream extends Transform {
  readonly #decoder: FrameDecoder;

  constructor(decoder: FrameDecoder) {
    super({ readableObjectMode: true });
    this.#decoder = decoder;
  }

  /** Feeds a chunk to the decoder; never fails. */
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    for (const o of this.#decoder.push(chunk)) {
      if (o.type === 'frame') this.push(o.frame satisfies Frame);
      else this.emit('framingError', o.error satisfies FramingError);
    }
    done();
  }
}
