import { DriverError } from '../../../drivers/index.js';
import { CountyError } from '../../county/errors.js';
import type { FlowErrorCode } from '../../contract/flows.js';

/** A card reader failure as the resident hears it. */
export function cardFailure(e: unknown): FlowErrorCode {
  if (!(e instanceof DriverError)) return 'deviceFault';
  if (e.layer !== 'device') return 'deviceFault';
  if (e.code === 'NO_CARD' || e.code === 'CARD_REMOVED') return 'cardRemoved';
  if (e.code === 'FILE_NOT_FOUND' || e.code === 'UNKNOWN_ATR' || e.code === 'INS_NOT_SUPPORTED') return 'notSocialSecurityCard';
  if (e.code === 'PIN_BLOCKED') return 'pinBlocked';
  if (e.code === 'PIN_WRONG') return 'pinWrong';
  if (e.code === 'MAC_INVALID') return 'authorizationRejected';
  return 'cardUnreadable';
}

/** An ID reader failure. */
export function idFailure(e: unknown): FlowErrorCode {
  if (!(e instanceof DriverError) || e.layer !== 'device') return 'deviceFault';
  return 'idUnreadable';
}

/** A county call's failure: unreachable (try later, or the counter) or refused. */
export function countyFailure(e: unknown, refused: FlowErrorCode): FlowErrorCode {
  if (!(e instanceof CountyError)) return 'countyUnavailable';
  if (e.kind === 'auth' && e.detail.code === 'not_enrolled') return 'notEnrolled';
  if (e.transient || e.kind === 'auth' || e.kind === 'protocol') return 'countyUnavailable';
  return refused;
}

/** The card's tries-left counter from a PIN_WRONG error, if it carries one. */
export function triesLeftOf(e: unknown): number | undefined {
  if (e instanceof DriverError && typeof e.detail['triesLeft'] === 'number') return e.detail['triesLeft'];
  return undefined;
}
