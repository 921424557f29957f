// The one contract between UI and core. The renderer imports this module as types only.
export * from './names.js';
export * from './errors.js';
export * from './catalog.js';
export * from './settings.js';
export * from './health.js';
export * from './terminal.js';
export * from './ops.js';
export * from './events.js';
export * from './flows.js';
export * from './setup.js';
export * from './calls.js';
export * from './api.js';
