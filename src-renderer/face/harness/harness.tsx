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
    unmount(): void;
    setPaused(paused: boolean): void;
    /** Descriptors of the faces in an image (data: URL), for scripts/face-descriptors.ts. */
    describe(dataUrl: string): Promise<number[][]>;
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
      if (video.current) video.current.srcObject = s;
    });
  }, []);
  return <FaceCaptureView state={state} videoRef={video} />;
}

function Live() {
  const [mounted, setMounted] = useState(true);
  const [paused, setPaused] = useState(params.get('paused') === '1');
  const [captured, setCaptured] = useState(0);
  useEffect(() => {
    w.faceHarness.unmount = () => setMounted(false);
    w.faceHarness.setPaused = setPaused;
    // The spec reads the guidance states as they come from the DOM attribute.
    const observer = new MutationObserver(() => {
      const state = document.querySelector('[data-face-state]')?.getAttribute('data-face-state');
      if (state && w.faceHarness.states.at(-1) !== state) w.faceHarness.states.push(state);
    });
    observer.observe(document.body, { subtree: true, attributes: true, childList: true, attributeFilter: ['data-face-state'] });
    return () => observer.disconnect();
  }, []);
  return (
    <main className="screen" data-testid="harness" data-captured={captured}>
      {mounted && (
        <LazyFaceCapture
          paused={paused}
          onCaptured={(capture) => {
            w.faceHarness.captures.push(capture);
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

async function boot() {
  w.faceHarness = { captures: [], unavailable: [], streams: [], states: [], unmount: () => undefined, setPaused: () => undefined, describe };
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
