import { configureLogging } from '../src-main/logs/logger.js';

// Tests that care about logs install their own recording sink.
configureLogging({ sinks: [] });
