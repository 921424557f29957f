// What the face step hands to its flow. Kept apart from the component so importing the types
// never pulls the model chunk in.

/** One good frame, ready for the county's face match (protocol FaceMatchRequest). */
export interface FaceCaptureResult {
  /** JPEG, base64 without a `data:` prefix, about 640×480, under 80,000 characters. */
  imageBase64: string;
  /** SHA-256 of the JPEG bytes, lower-case hex. */
  imageSha256: string;
  /** The lower of the anti-spoof "real" and liveness scores of the frame, 0..1. */
  livenessScore: number;
  /** The face descriptor (human's faceres embedding, 1024 numbers) for the county's comparison. */
  descriptor?: number[];
}

/** Why the face check cannot run: no usable camera, or the model files failed to load. */
export type FaceUnavailableReason = 'camera' | 'model';

export interface FaceCaptureProps {
  /** Called once with a good frame; again only after `paused` has gone true and back to false. */
  onCaptured(capture: FaceCaptureResult): void;
  /** The check cannot run on this terminal now (camera refused, missing or unplugged; model files missing). */
  onNoCamera(reason?: FaceUnavailableReason): void;
  /** While true, no frame is analysed or sent (the preview stays on). */
  paused?: boolean;
}
