// The reference county backend: embedded start function and its parts.
export { startCountyBackend, type CountyBackend, type CountyBackendOptions } from './server.js';
export { FaultSchema, FaultRequestSchema, type Fault, type FaultRequest } from './faults.js';
export { DEMO_RESIDENTS, CANARY_RESIDENT, DEMO_ENROLMENT_CODES, CATALOG_SITES, demoEnrolmentCode, demoIdNumber } from './seed.js';
export { isValidIdNumber, idCheckChar } from './id-number.js';
