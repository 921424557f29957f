import { describe, expect, it } from 'vitest';
import { adminTabs } from '../../src-renderer/screens/AdminScreen.js';

describe('technician screen tabs', () => {
  it('has the overview as the first tab where the whole screen is within reach', () => {
    expect(adminTabs(false)).toEqual(['overview', 'devices', 'queue', 'dead', 'logs']);
  });

  it('reads the overview above the reach line on a floor-standing portrait terminal, so it is not a tab there', () => {
    expect(adminTabs(true)).toEqual(['devices', 'queue', 'dead', 'logs', 'setup']);
  });
});
