import { describe, expect, it } from 'vitest';
import { nextVolume, volumeLevel } from '../../src-renderer/components/TopBar.js';

describe('volume step button', () => {
  it('names the nearest level for any volume', () => {
    expect(volumeLevel(0)).toBe('low');
    expect(volumeLevel(0.8)).toBe('medium');
    expect(volumeLevel(0.95)).toBe('high');
  });

  it('steps up one level per touch and wraps from loudest to quietest', () => {
    expect(nextVolume(0.4)).toBe(0.8);
    expect(nextVolume(0.8)).toBe(1);
    expect(nextVolume(1)).toBe(0.4);
  });
});
