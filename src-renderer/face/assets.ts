// Where the face model and the tfjs wasm binaries live inside the renderer build. The Vite build
// copies them there (scripts/vite-face-assets.ts) so both shells serve them from the terminal's own
// origin; nothing is fetched from anywhere else at run time.

/** Models of @vladmandic/human the check uses (file stems under its models/ folder). */
export const FACE_MODELS = ['blazeface', 'facemesh', 'iris', 'antispoof', 'liveness', 'faceres'] as const;

/** Folder (relative to index.html) holding `<model>.json` and `<model>.bin`. */
export const FACE_MODEL_DIR = 'face-models/';

/** Folder holding the tfjs wasm backend's binaries (the threaded one needs cross-origin isolation, which the kiosk does not set). */
export const TFJS_WASM_DIR = 'tfjs-wasm/';
export const TFJS_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'] as const;
