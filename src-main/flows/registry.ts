import { pinChangeFlow } from './ssc-pin-change/index.js';
import { pinResetFlow } from './ssc-pin-reset/index.js';
import { recordsFlows } from './records/index.js';
import type { FlowDefinition } from './types.js';

/** Every resident service that runs as a flow here, by catalog service id. */
export const FLOWS: readonly FlowDefinition[] = [pinResetFlow, pinChangeFlow, ...recordsFlows];
