import type { ReactElement } from 'react';
import { RatingScreen } from '../screens/RatingScreen.js';
import { ServiceScreen } from '../screens/ServiceScreen.js';
import { FlowHost } from './FlowHost.js';
import { recordsScreens } from './records/screens.js';
import { pinChangeScreens } from './ssc-pin-change/screens.js';
import { pinResetScreens } from './ssc-pin-reset/screens.js';
import type { FlowScreens } from './types.js';

/** Services that run as a flow in the core, by catalog service id: their step screens. */
export const FLOW_SCREENS: Readonly<Record<string, FlowScreens>> = {
  'ssc.pin.reset': pinResetScreens,
  'ssc.pin.change': pinChangeScreens,
  'ssc.status': recordsScreens('card'),
  'mi.account': recordsScreens('insuranceAccount'),
  'mi.settlements': recordsScreens('settlements'),
  'pension.contributions': recordsScreens('contributions'),
};

/** The screen of an open service: its flow's steps, the rating, or the placeholder until its flow lands. */
export function serviceScreen(serviceId: string): ReactElement {
  const flow = FLOW_SCREENS[serviceId];
  if (flow) return <FlowHost key={serviceId} serviceId={serviceId} screens={flow} />;
  if (serviceId === 'rating') return <RatingScreen key={serviceId} serviceId={serviceId} />;
  return <ServiceScreen key={serviceId} serviceId={serviceId} />;
}
