import { useEffect, useRef, useState } from 'react';
import { FaceCheckLoop } from './capture-loop.js';
import { FaceCaptureView, type ViewState } from './FaceCaptureView.js';
import { loadFaceEngine } from './human-engine.js';
import type { FaceCaptureProps } from './types.js';
import { useGuidanceVoice } from './useGuidanceVoice.js';
import './face.css';

const CAMERA: MediaStreamConstraints = {
  audio: false,
  video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: 'user' },
};

/**
 * The face step: live preview with an outline, spoken and written guidance, and one good frame
 * handed to `onCaptured`. The camera stops when the component goes away.
 */
export default function FaceCapture({ onCaptured, onNoCamera, paused = false }: FaceCaptureProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const loopRef = useRef<FaceCheckLoop | undefined>(undefined);
  const callbacks = useRef({ onCaptured, onNoCamera });
  const pausedRef = useRef(paused);
  const [state, setState] = useState<ViewState>('starting');
  const [frames, setFrames] = useState(0);
  const [blinked, setBlinked] = useState(false);
  useGuidanceVoice(state);

  useEffect(() => {
    callbacks.current = { onCaptured, onNoCamera };
  }, [onCaptured, onNoCamera]);

  useEffect(() => {
    pausedRef.current = paused;
    if (paused) loopRef.current?.pause();
    else loopRef.current?.resume();
  }, [paused]);

  useEffect(() => {
    let cancelled = false;
    let stream: MediaStream | undefined;
    const video = videoRef.current;
    const fail = (reason: 'camera' | 'model') => {
      if (!cancelled) callbacks.current.onNoCamera(reason);
    };
    const start = async () => {
      // Models load while the camera starts: neither waits for the other.
      const engine = loadFaceEngine();
      engine.catch(() => undefined);
      try {
        stream = await navigator.mediaDevices.getUserMedia(CAMERA);
      } catch {
        fail('camera');
        return;
      }
      if (cancelled) return stream.getTracks().forEach((t) => t.stop());
      for (const track of stream.getVideoTracks()) track.addEventListener('ended', () => fail('camera'));
      if (!video) return;
      video.srcObject = stream;
      let ready;
      try {
        ready = await engine;
      } catch {
        fail('model');
        return;
      }
      if (cancelled) return;
      const loop = new FaceCheckLoop(video, ready, {
        onState: (s, seenBlink) => {
          if (cancelled) return;
          setState(s);
          setBlinked(seenBlink);
          setFrames((n) => n + 1);
        },
        onGood: (capture) => !cancelled && callbacks.current.onCaptured(capture),
        onFailed: () => fail('model'),
      });
      loopRef.current = loop;
      if (pausedRef.current) loop.pause();
      loop.start();
    };
    void start();
    return () => {
      cancelled = true;
      loopRef.current?.stop();
      loopRef.current = undefined;
      stream?.getTracks().forEach((t) => t.stop());
      if (video) video.srcObject = null;
    };
  }, []);

  return <FaceCaptureView state={state} videoRef={videoRef} frames={frames} blinked={blinked} />;
}
