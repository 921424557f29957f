import type { EppModel, IdSamModel, SscReaderModel } from '../../drivers/index.js';
import type { DemoDeviceAction } from '../contract/flows.js';
import { DEMO_CARDS } from './demo-cards.js';
import type { DeviceManager } from './manager.js';

// The demo terminal's stand-in for hands: a visitor at `npm start` has no card to insert and no
// pad to type on, so the demo panel moves the emulated hardware. Only ever built for a terminal
// whose devices are all emulators; the pad still encrypts the entry itself, as a real one does.

type Models = { ssc: SscReaderModel | undefined; id: IdSamModel | undefined; pad: EppModel | undefined };

function modelsOf(manager: DeviceManager): Models {
  const m = (kind: 'cardReader' | 'idReader' | 'pinPad') => manager.emulator(kind)?.host?.model;
  return { ssc: m('cardReader') as SscReaderModel | undefined, id: m('idReader') as IdSamModel | undefined, pad: m('pinPad') as EppModel | undefined };
}

/** The demo's readers start empty, as a real terminal waits for a resident's card. */
export function emptyDemoReaders(manager: DeviceManager): void {
  const { ssc, id } = modelsOf(manager);
  ssc?.remove();
  if (id) id.card = undefined;
}

/** Applies one demo action to the emulated devices; false when that device is not emulated here. */
export function applyDemoAction(manager: DeviceManager, action: DemoDeviceAction): boolean {
  const { ssc, id, pad } = modelsOf(manager);
  switch (action.type) {
    case 'insertCard': {
      const cards = DEMO_CARDS[action.resident];
      if (!ssc || !cards) return false;
      ssc.insert(cards.ssc);
      return true;
    }
    case 'removeCard':
      if (!ssc) return false;
      ssc.remove();
      return true;
    case 'placeIdCard': {
      const cards = DEMO_CARDS[action.resident];
      if (!id || !cards) return false;
      id.card = cards.id;
      return true;
    }
    case 'removeIdCard':
      if (!id) return false;
      id.card = undefined;
      return true;
    case 'padKey':
      if (!pad) return false;
      pad.press(action.key);
      return true;
  }
}
