// Test-only page: mounts the face capture (or its view in a fixed state) and reports to the spec.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../../i18n/index.js';
import { useStore } from '../../store/index.js';
import { FaceCaptureView, type ViewState } from '../FaceCaptureView.js';
import { LazyFaceCapture, type FaceCaptureResult } from '../index.js';
import '../../styles/theme.css';
import '../../styles/base.css';
import '../face.css';

interface HarnessWindow {
  faceHarness: {
    captures: FaceCaptureResult[];
    unavailable: string[];
    streams: MediaStream[];
    /** Guidance states in the order they were shown. */
    states: string[];
    /** Whether the capture showed it had seen a blink, at each onCaptured. */
    blinkedAtCapture: boolean[];
    /** The capture's `data-face-blinked` as last seen in the DOM. */
    blinked: boolean;
    unmount(): void;
    setPaused(paused: boolean): void;
    /** Descriptors of the faces in an image (data: URL), for scripts/face-descriptors.ts. */
    describe(dataUrl: string): Promise<number[][]>;
    /** performance.now() at the capture's mount and at each onCaptured, for the bench. */
    times: { mounted: number; captured: number[] };
    bench: typeof bench;
  };
}
const w = window as unknown as Window & HarnessWindow;
const params = new URLSearchParams(location.search);

// Remember every stream so the spec can see the tracks stop on unmount.
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  w.faceHarness.streams.push(stream);
  return stream;
};

function StaticView({ state }: { state: ViewState }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    void navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } }).then((s) => {
      const v = video.current;
      if (!v) return;
      // Screenshots wait for a real picture behind the outline.
      v.addEventListener('playing', () => v.requestVideoFrameCallback(() => (document.documentElement.dataset['videoReady'] = 'true')), { once: true });
      v.srcObject = s;
    });
  }, []);
  return <FaceCaptureView state={state} videoRef={video} />;
}

function Live() {
  const [mounted, setMounted] = useState(true);
  const [paused, setPaused] = useState(params.get('paused') === '1');
  const [captured, setCaptured] = useState(0);
  useEffect(() => {
    w.faceHarness.times.mounted = performance.now();
    w.faceHarness.unmount = () => setMounted(false);
    w.faceHarness.setPaused = setPaused;
    // The spec reads the guidance states as they come from the DOM attribute.
    const observer = new MutationObserver(() => {
      const state = document.querySelector('[data-face-state]')?.getAttribute('data-face-state');
      if (state && w.faceHarness.states.at(-1) !== state) w.faceHarness.states.push(state);
      w.faceHarness.blinked = document.querySelector('[data-face-blinked]')?.getAttribute('data-face-blinked') === 'yes';
    });
    observer.observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-face-state', 'data-face-blinked'] });
    return () => observer.disconnect();
  }, []);
  return (
    <main className="screen" data-testid="harness" data-captured={captured}>
      {mounted && (
        <LazyFaceCapture
          paused={paused}
          onCaptured={(capture) => {
            w.faceHarness.times.captured.push(performance.now());
            w.faceHarness.captures.push(capture);
            w.faceHarness.blinkedAtCapture.push(w.faceHarness.blinked);
            setCaptured((n) => n + 1);
          }}
          onNoCamera={(reason) => w.faceHarness.unavailable.push(reason ?? 'camera')}
        />
      )}
    </main>
  );
}

async function describe(dataUrl: string): Promise<number[][]> {
  const image = new Image();
  image.src = dataUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  canvas.getContext('2d')!.drawImage(image, 0, 0);
  const { loadFaceEngine } = await import('../human-engine.js');
  const faces = await (await loadFaceEngine()).detect(canvas);
  return faces.map((f) => [...(f.embedding ?? [])]);
}

/** For scripts/bench-face.ts: measurements taken inside the page, in ms. */
const bench = {
  /** Bare getUserMedia → first decoded video frame (the baseline). */
  async cameraFirstFrame(): Promise<number> {
    const t0 = performance.now();
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    await new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
    const ms = performance.now() - t0;
    stream.getTracks().forEach((t) => t.stop());
    return ms;
  },
  /** Model load, then `n` detections on live camera frames; also the frame grab alone per frame. */
  async model(n: number): Promise<{ loadMs: number; backend: string; detectMs: number[]; grabMs: number[] }> {
    const { loadFaceEngine } = await import('../human-engine.js');
    const { drawFrame } = await import('../still.js');
    const t0 = performance.now();
    const engine = await loadFaceEngine();
    const loadMs = performance.now() - t0;
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = stream;
    await video.play();
    await new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
    const canvas = document.createElement('canvas');
    const detectMs: number[] = [];
    const grabMs: number[] = [];
    for (let i = 0; i < n; i++) {
      const g = performance.now();
      drawFrame(video, canvas);
      canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
      grabMs.push(performance.now() - g);
      const d = performance.now();
      await engine.detect(canvas);
      detectMs.push(performance.now() - d);
    }
    stream.getTracks().forEach((t) => t.stop());
    return { loadMs, backend: engine.backend, detectMs, grabMs };
  },
};

async function boot() {
  w.faceHarness = { captures: [], unavailable: [], streams: [], states: [], blinkedAtCapture: [], blinked: false, unmount: () => undefined, setPaused: () => undefined, describe, times: { mounted: 0, captured: [] }, bench };
  const language = params.get('lang') === 'en' ? 'en' : 'zh-CN';
  useStore.setState((s) => ({ settings: { ...s.settings, language, voiceMuted: true } }));
  if (params.get('elderly') === '1') document.documentElement.dataset['elderly'] = 'true';
  await initI18n(language);
  const view = params.get('view') as ViewState | null;
  const page = params.get('mode') === 'describe' ? null : view ? <StaticView state={view} /> : <Live />;
  createRoot(document.getElementById('root')!).render(<StrictMode>{page}</StrictMode>);
  document.documentElement.dataset['appReady'] = 'true';
}

void boot();
