import { DriverError, type ErrorDetail } from '../core/errors.js';

export type CameraErrorCode = 'REFUSED' | 'BAD_ARGUMENT' | 'NOT_READY';

/** A document-camera refusal; `detail.status` is the device's status byte. */
export class CameraError extends DriverError<CameraErrorCode> {
  constructor(code: CameraErrorCode, detail?: ErrorDetail) {
    super('device', code, detail);
    this.name = 'CameraError';
  }
}

/** Maps a reply status byte (non-zero) to a typed error. */
export function cameraStatusError(status: number): CameraError {
  return new CameraError(status === 2 ? 'BAD_ARGUMENT' : status === 3 ? 'NOT_READY' : 'REFUSED', { status });
}
