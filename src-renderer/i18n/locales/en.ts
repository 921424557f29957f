import type { LocaleShape } from '../types.js';

// Typed against zh-CN: a missing or extra key is a compile error.
export const en: LocaleShape = {
  app: {
    title: 'Social Security & Medical Insurance Self-Service',
    siteFallback: 'Self-service terminal',
  },
  topBar: {
    elderly: 'Large text',
    mute: 'Mute',
    /** This language's own name, shown on the switch that selects it. */
    languageName: 'English',
    volume: 'Volume: {{level}}',
    volumeLevel: {
      low: 'low',
      medium: 'medium',
      high: 'high',
    },
  },
  attract: {
    title: 'Welcome to self-service',
    subtitle: 'Social security cards, medical insurance and pension services',
    start: 'Touch to start',
    starting: 'Starting…',
  },
  home: {
    title: 'Please choose a service',
    endSession: 'Finish',
    loading: 'Loading services…',
    empty: 'No services are available at this site',
    unavailable: 'Not available',
  },
  service: {
    preparing: 'This service is being prepared and will be available soon.',
    goHome: 'Back to home',
  },
  catalog: {
    disabled: {
      counterOnly: 'Please use the service counter for this',
      deviceMissing: 'This terminal lacks the device this service needs',
      needsNetwork: 'The network is down; this service is unavailable for now',
      notAtThisSite: 'This service is not offered at this site',
    },
  },
  idle: {
    title: 'Are you still there?',
    warning: 'No activity for a while. To protect your information, you will be signed out when the countdown ends.',
    secondsLeft: 'Seconds left',
    continue: 'Continue',
  },
  adminLogin: {
    title: 'Technician sign-in',
    prompt: 'Enter the technician PIN',
    pinLabel: 'Digits entered',
    submit: 'Confirm',
    clear: 'Clear',
    backspace: 'Delete',
    cancel: 'Cancel',
    triesLeft: 'Wrong PIN, {{count}} tries left',
    lockedFor: 'Locked, try again in {{minutes}} minutes',
  },
  admin: {
    title: 'Maintenance',
    terminal: 'Terminal',
    terminalId: 'Terminal ID',
    site: 'Site',
    version: 'Software version',
    shell: 'Shell',
    emulated: 'Emulated devices',
    yes: 'Yes',
    no: 'No',
    health: 'Health',
    healthLevel: {
      ok: 'OK',
      degraded: 'Degraded',
      down: 'Down',
    },
    devicesPlaceholder: 'Devices will appear here.',
    logout: 'Leave maintenance',
    loading: 'Loading…',
  },
  errors: {
    invalid_payload: 'The request was not valid. Please try again.',
    unknown_call: 'This action is not supported.',
    no_session: 'Your visit has ended. Please start again.',
    session_mismatch: 'Your visit has ended. Please start again.',
    service_unknown: 'This service could not be found.',
    service_disabled: 'This service is not available right now.',
    admin_bad_pin: 'Wrong PIN.',
    admin_locked: 'Too many attempts; sign-in is locked for now.',
    admin_not_authorized: 'Not authorized. Please sign in again.',
    not_found: 'That item was not found; it may already have been handled.',
    internal: 'Something went wrong. Please try again later.',
    unexpected: 'Something went wrong. Please try again later.',
  },
  notice: {
    dismiss: 'OK',
  },
  connection: {
    reconnecting: 'Please wait, reconnecting…',
    reconnectingDetail: 'The system is recovering. Please stay here.',
  },
  voice: {
    attract: 'Welcome. Touch the screen to start.',
    home: 'Please choose a service.',
    service: 'This service is being prepared. Please go back to home.',
    adminLogin: 'Enter the technician PIN.',
    admin: 'Maintenance screen.',
    idle: 'Are you still there? Touch continue to keep going.',
  },
};
